/* Reported private messages in the one moderation queue (core/queue.h):
 * the recipient reports a message as an item of kind "messages.report";
 * moderators and admins see that message and its bounded context while
 * the report is open, and decide: dismiss, remove the message (its text
 * goes; both members see it as removed), or remove it and suspend its
 * author. The kind is registered for the directory domain. */
#include "core/messages-internal.h"
#include "core/actor.h"
#include "core/forums.h"	/* FORUM_REASON_MAX: the same reasons */
#include "core/queue.h"
#include "core/rules.h"
#include "core/sanitize.h"
#include "common/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define KIND		"messages.report"
#define TITLE_COLS	60	/* the start of the message names it */

static int	report_describe(struct db *, int64_t, struct queue_subject *);
static const char *report_resolve(struct db *, const struct actor *,
		    int64_t, const struct queue_action *, int, const char *);

const struct queue_kind messages_queue_kinds[] = {
	{ .kind = KIND,
	  /* Moderators and admins only: no board owns a conversation. */
	  .decides_sql = "?1",
	  .describe = report_describe,
	  .about_key = "messages.queue.about",
	  .open_key = "messages.queue.open",
	  .count_key = "reports.item_count",
	  .actions = {
		{ "dismiss", 'd', "reports.dismiss", "mod.dismiss", false, true },
		{ "remove", 'r', "messages.queue.remove",
		    "messages.queue.remove_title", false, false },
		{ "suspend", 's', "reports.suspend", "mod.suspend", true, false },
		{ NULL, 0, NULL, NULL, false, false },
	  },
	  .resolve = report_resolve },
	{ .kind = NULL },
};

static bool
moderator(const struct actor *v)
{
	return !v->guest && v->role >= ROLE_MODERATOR;
}

/* A report's reason: one line of 1 to FORUM_REASON_MAX code points. */
static char *
clean_reason(const char *s)
{
	char *c;
	size_t n;

	if (s == NULL || strlen(s) > FORUM_REASON_MAX * 4 * 2)
		return NULL;
	c = sanitize(s, strlen(s), SANITIZE_LINE, 0, 0);
	n = utf8_count(c);
	if (n == 0 || n > FORUM_REASON_MAX) {
		free(c);
		return NULL;
	}
	return c;
}

struct core_error
messages_report(struct db *db, const struct actor *v, int64_t message_id,
    const char *reason)
{
	struct msg_row m;
	const char *err = NULL;
	char *why;
	int rc;

	if (v->guest || v->account_id == 0)
		return CORE_ERR("error.messages.guest", NULL);
	if ((why = clean_reason(reason)) == NULL)
		return CORE_ERR("error.forum.reason_length", "reason");
	if ((err = db_tx_begin(db, why, NULL)) != NULL)
		return CORE_ERR(err, NULL);
	/* Someone outside the conversation learns nothing, not even that
	 * the message exists. */
	if (msg_load(db, message_id, &m) != 0 || m.removed != MESSAGE_SHOWN ||
	    !msg_is_member(db, m.conversation_id, v->account_id))
		err = "error.messages.not_found";
	else if (m.author_id == v->account_id)
		err = "error.messages.own_message";
	else if ((rc = queue_add(db, KIND, message_id, v->account_id,
	    why)) == 1)
		err = "error.messages.already_reported";
	else if (rc != 0)
		err = "error.internal";
	free(why);
	return CORE_ERR(db_tx_end(db, err), NULL);
}

int
messages_report_context(struct db *db, const struct actor *v,
    int64_t message_id, struct message_list *out)
{
	struct msg_row m;

	memset(out, 0, sizeof *out);
	if (!moderator(v) || msg_load(db, message_id, &m) != 0 ||
	    queue_open_items(db, KIND, message_id) <= 0)
		return -1;
	return msg_range(db, m.conversation_id, m.seq - MESSAGES_CONTEXT,
	    m.seq + MESSAGES_CONTEXT, out);
}

/* The reported message as the queue shows it: the start of its first line
 * as the title, its place (conversation and seq), its author and text,
 * and no more of the conversation. */
static int
report_describe(struct db *db, int64_t id, struct queue_subject *out)
{
	sqlite3_stmt *st;
	const char *body;
	char *title;
	int rc = -1;

	memset(out, 0, sizeof *out);
	if ((st = db_prepare(db, "SELECT m.conversation_id, m.seq, "
	    "m.author_id, a.name, a.display, a.role, m.body, m.removed "
	    "FROM pm_messages m JOIN accounts a ON a.id = m.author_id "
	    "WHERE m.id = ?1")) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		out->place_id = sqlite3_column_int64(st, 0);
		out->number = sqlite3_column_int64(st, 1);
		out->owner_id = sqlite3_column_int64(st, 2);
		db_column_copy(st, 3, out->owner_name, sizeof out->owner_name);
		db_column_copy(st, 4, out->owner_display,
		    sizeof out->owner_display);
		out->owner_role = ROLE_MEMBER;
		role_parse((const char *)sqlite3_column_text(st, 5),
		    &out->owner_role);
		body = (const char *)sqlite3_column_text(st, 6);
		body = body != NULL ? body : "";
		title = sanitize(body, strcspn(body, "\n"), SANITIZE_LINE,
		    TITLE_COLS, TITLE_COLS);
		snprintf(out->title, sizeof out->title, "%s", title);
		free(title);
		out->body = xstrdup(body);
		if (sqlite3_column_int(st, 7) != MESSAGE_SHOWN) {
			out->note_key = "messages.queue.removed";
			out->note_word = "removed";
		} else
			out->note_word = "no";
		rc = 0;
	}
	sqlite3_finalize(st);
	return rc;
}

/* A moderator decides a reported message, inside queue_resolve's
 * transaction. Removing empties the text for good: no one needs a private
 * text a moderator took away, and the audit entry says who did and why. */
static const char *
report_resolve(struct db *db, const struct actor *v, int64_t id,
    const struct queue_action *a, int days, const char *why)
{
	struct suspension susp = { 0 };
	struct msg_row m;
	char action[32];

	if (msg_load(db, id, &m) != 0)
		return "error.messages.not_found";
	if (!moderator(v))
		return "error.messages.not_allowed";
	if (queue_open_items(db, KIND, id) <= 0)
		return "error.messages.no_reports";
	snprintf(action, sizeof action, "report.%s", a->name);
	if (queue_close(db, v, KIND, id, a) != 0 || (!a->dismisses &&
	    db_exec_ints(db, "UPDATE pm_messages SET removed = 1, body = '' "
	    "WHERE id = ?1 AND removed = 0", id, 0, 0) != 0))
		return "error.internal";
	if (db_audit(db, v, "message", id, action, why) != NULL)
		return "error.internal";
	if (!a->days)
		return NULL;
	/* The author's rank is the suspension rule's to judge. */
	susp.days = days;
	susp.reason = why;
	return account_suspend_in_tx(db, v, m.author_id, &susp).key;
}
