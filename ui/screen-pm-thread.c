/* One conversation in the pager, newest last: it opens at the first
 * unread message (or the newest) and marks what it shows read. `r`
 * replies, `b` blocks the other member (after saying what a block does)
 * and `u` lifts the block, `x` reports the focused message of theirs to
 * the moderators. A removed message shows that it was removed, never its
 * text. */
#include "ui/dialogs.h"
#include "ui/directory-ui.h"
#include "ui/person.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/clock.h"
#include "common/strbuf.h"
#include "common/xalloc.h"
#include "core/blocks.h"
#include "core/messages.h"
#include "i18n/i18n.h"

#include <stdlib.h>
#include <string.h>

#define PM_PAGE 10

struct pm_thread_state {
	struct message_conversation	 c;
	struct message_list		 list;
	int64_t				 before;	/* the page's bound: seq
							 * below it; 0: newest */
	int64_t				 read_before;	/* read mark at opening */
	bool				 found;
	bool				 sent;		/* set by the writing form */
};

void
pm_open_conversation(struct app *app, int64_t conversation_id)
{
	app_push(app, &screen_pm_thread, &conversation_id);
}

/* Loads the page below before (and the conversation's counts) and marks
 * it read. */
static void
pm_load(struct app *app, struct pm_thread_state *ts, int64_t before)
{
	message_list_free(&ts->list);
	if (messages_conversation_get(app->db, app_actor(app), ts->c.id,
	    &ts->c) != 0 || messages_page(app->db, app_actor(app), ts->c.id,
	    before, PM_PAGE, &ts->list) != 0) {
		app_notice(app, T("error.messages.not_found"));
		ts->found = false;
		return;
	}
	ts->before = before;
	if (ts->list.n > 0)
		messages_mark_read(app->db, app_actor(app), ts->c.id,
		    ts->list.v[ts->list.n - 1].seq);
}

/* The focus on the message seq of the page, or its last one. */
static void
pm_focus(struct app *app, struct pm_thread_state *ts, int64_t seq)
{
	size_t i;
	int focus = ts->list.n > 0 ? (int)ts->list.n - 1 : 0;

	for (i = 0; i < ts->list.n; i++)
		if (ts->list.v[i].seq == seq)
			focus = (int)i;
	app->stack[app->depth - 1].focus = focus;
}

static void *
pm_thread_open(struct app *app, void *arg)
{
	struct pm_thread_state *ts = xcalloc(1, sizeof *ts);
	int64_t first;

	if (messages_conversation_get(app->db, app_actor(app),
	    *(int64_t *)arg, &ts->c) != 0) {
		app_notice(app, T("error.messages.not_found"));
		return ts;
	}
	ts->found = true;
	ts->read_before = ts->c.read_seq;
	/* The page that begins at the first unread one, unless the newest
	 * page holds it. */
	first = ts->c.unread > 0 ? ts->c.read_seq + 1 : 0;
	pm_load(app, ts, first > 0 && first + PM_PAGE <= ts->c.last_seq ?
	    first + PM_PAGE : 0);
	pm_focus(app, ts, first);
	return ts;
}

/* "Rūta (@ruta), 2 hr ago"; the plain mode prints the number first. */
static char *
pm_header(const struct message *m, bool numbered)
{
	struct strbuf sb = { 0 };
	char *when = i18n_when(m->created, clock_now());
	char *who = person_label(m->author_display, m->author_name,
	    m->author_role);

	if (!numbered)
		sb_printf(&sb, "#%lld ", (long long)m->seq);
	sb_printf(&sb, "%s, %s", who, when);
	if (m->removed == MESSAGE_REMOVED)
		sb_printf(&sb, ", %s", T("pm.removed"));
	free(who);
	free(when);
	return sb_take(&sb);
}

static void
pm_thread_describe(struct app *app, void *st, struct view *v)
{
	struct pm_thread_state *ts = st;
	char *who, *s;
	bool blocked;
	size_t i;

	view_pager(v, T("pm.unit"));
	if (!ts->found)
		return;
	who = person_label(ts->c.other_display, ts->c.other_name,
	    ts->c.other_role);
	v->title = TFA("pm.thread.title", A_STR(who));
	free(who);
	/* Only the viewer's own block is said: one by the other member
	 * shows when writing, in words that do not tell who blocked. */
	blocked = blocks_has(app->db, app->acct.id, ts->c.other_id);
	if (blocked)
		view_text(v, T("pm.thread.you_blocked"));
	for (i = 0; i < ts->list.n; i++) {
		const struct message *m = &ts->list.v[i];
		char *head = pm_header(m, app->mode == UI_MODE_PLAIN);
		char *name = TFA("pm.message_name", A_NUM(m->seq),
		    A_STR(person_display(m->author_display, m->author_name)));

		view_item(v, head, NULL, m->seq > ts->read_before &&
		    m->author_id != app->acct.id ? "list.unread.message" : NULL);
		view_body(v, m->removed == MESSAGE_REMOVED ?
		    T("pm.removed_text") : m->removed == MESSAGE_ERASED ?
		    T("pm.erased_text") : m->body);
		view_number(v, m->seq);
		view_name(v, name);
		free(name);
		free(head);
	}
	if (ts->list.n > 0) {
		s = TFA("pm.position", A_NUM(ts->list.v[0].seq),
		    A_NUM(ts->list.v[ts->list.n - 1].seq), A_NUM(ts->c.last_seq));
		view_position(v, s);
		free(s);
	}
	v->more_before = ts->list.more;
	v->more_after = ts->list.n > 0 &&
	    ts->list.v[ts->list.n - 1].seq < ts->c.last_seq;
	view_action(v, 'r', T("forum.reply"));
	if (blocked)
		view_action(v, 'u', T("pm.unblock"));
	else
		view_action(v, 'b', T("pm.block"));
	view_action(v, 'x', T("forum.report"));
}

/* Choosing a message (its number in the plain mode, Enter in the pager)
 * makes it the one `x` is about; the plain mode prints it. */
static int
pm_thread_select(struct app *app, void *st, int index)
{
	struct pm_thread_state *ts = st;
	char *s;

	if (index < 0 || (size_t)index >= ts->list.n)
		return SR_STAY;
	app->stack[app->depth - 1].focus = index;
	s = TFA("pm.message_chosen", A_NUM(ts->list.v[index].seq),
	    A_STR(person_display(ts->list.v[index].author_display,
	    ts->list.v[index].author_name)));
	app_notice(app, s);
	app_show_focus(app, true);
	free(s);
	return SR_STAY;
}

static int
pm_thread_page(struct app *app, void *st, int dir)
{
	struct pm_thread_state *ts = st;
	int64_t before;

	if (ts->list.n == 0)
		return SR_STAY;
	if (dir < 0) {
		if (!ts->list.more)
			return SR_STAY;
		pm_load(app, ts, ts->list.v[0].seq);
		pm_focus(app, ts, 0);
		return SR_STAY;
	}
	if (ts->list.v[ts->list.n - 1].seq >= ts->c.last_seq)
		return SR_STAY;
	before = ts->list.v[ts->list.n - 1].seq + 1 + PM_PAGE;
	pm_load(app, ts, before > ts->c.last_seq ? 0 : before);
	app->stack[app->depth - 1].focus = 0;
	return SR_STAY;
}

static const char *
block_yes(struct app *app, int64_t other)
{
	struct core_error e = blocks_add(app->db, app_actor(app), other);

	return core_failed(e) ? e.key : "pm.blocked";
}

static struct core_error
report_message(struct app *app, int64_t message_id, const char *reason,
    int days)
{
	(void)days;
	return messages_report(app->db, app_actor(app), message_id, reason);
}

static void
pm_report(struct app *app, const struct message *m)
{
	struct reason_req req = { .title_key = "pm.report.title",
	    .help_key = "help.pm_report", .apply = report_message,
	    .done_key = "pm.reported", .arg = m->id };
	char *line, *s, *about;

	if (m->author_id == app->acct.id) {
		app_notice(app, T("error.messages.own_message"));
		return;
	}
	if (m->removed != MESSAGE_SHOWN) {
		app_notice(app, T("pm.report.gone"));
		return;
	}
	/* Named by its first words: the whole text is on the page. */
	line = xasprintf("%.*s", (int)strcspn(m->body, "\n"), m->body);
	s = i18n_truncate(line, 40);
	about = TFA("messages.queue.about", A_NUM(m->seq),
	    A_STR(m->author_display), A_STR(s));
	req.about = about;
	app_push(app, &screen_reason, &req);
	free(about);
	free(s);
	free(line);
}

static int
pm_thread_action(struct app *app, void *st, int key)
{
	struct pm_thread_state *ts = st;
	int focus = app->stack[app->depth - 1].focus;
	struct core_error e;

	if (!ts->found)
		return SR_STAY;
	switch (key) {
	case 'r': {
		char *who = person_label(ts->c.other_display, ts->c.other_name,
		    ts->c.other_role);

		ts->sent = false;
		app_push(app, &screen_pm_write, &(struct pm_write_req){
		    .to = ts->c.other_id, .to_label = who, .reply = true,
		    .sent = &ts->sent });
		free(who);
		break;
	}
	case 'b': {
		struct confirm_req req = { .yes = block_yes,
		    .arg = ts->c.other_id };
		char *q = TFA("pm.block.question",
		    A_STR(person_display(ts->c.other_display,
		    ts->c.other_name)));

		req.question = q;
		app_push(app, &screen_confirm, &req);
		free(q);
		break;
	}
	case 'u':
		e = blocks_remove(app->db, app_actor(app), ts->c.other_id);
		app_notice(app, T(core_failed(e) ? e.key : "pm.unblocked"));
		break;
	case 'x':
		if (focus >= 0 && (size_t)focus < ts->list.n)
			pm_report(app, &ts->list.v[focus]);
		break;
	}
	return SR_STAY;
}

/* Back from a dialog: the page again (a reply just sent: the newest, its
 * header printed in the plain mode). */
static void
pm_thread_resume(struct app *app, void *st)
{
	struct pm_thread_state *ts = st;
	int focus = app->stack[app->depth - 1].focus;
	int64_t seq = focus >= 0 && (size_t)focus < ts->list.n ?
	    ts->list.v[focus].seq : 0;

	if (!ts->found)
		return;
	if (ts->sent) {
		ts->sent = false;
		pm_load(app, ts, 0);
		pm_focus(app, ts, 0);
		app_show_focus(app, false);
		return;
	}
	pm_load(app, ts, ts->before);
	pm_focus(app, ts, seq);
}

static void
pm_thread_close(struct app *app, void *st)
{
	struct pm_thread_state *ts = st;

	(void)app;
	message_list_free(&ts->list);
	free(ts);
}

const struct screen_ops screen_pm_thread = {
	.name = "pm-thread",
	.title_key = "pm.list.title",
	.help_key = "help.pm_thread",
	.help_key_plain = "help.pm_thread_plain",
	.open = pm_thread_open,
	.describe = pm_thread_describe,
	.select = pm_thread_select,
	.page = pm_thread_page,
	.action = pm_thread_action,
	.resume = pm_thread_resume,
	.close = pm_thread_close,
};
