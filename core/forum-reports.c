/* Reports: members flag posts, as items of kind "forum.post" in the one
 * moderation queue (core/queue.h); three different members' open reports
 * hide a post until a moderator decides (dismiss, hide, suspend the
 * author), each decision in the audit log. The kind and its actions are
 * registered here, for the forums domain. */
#include "core/forum-internal.h"
#include "common/xalloc.h"
#include "core/audit.h"
#include "core/queue.h"
#include "core/rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define REPORTS_TO_HIDE	3
#define SUSPEND_DAYS_MAX 3650

static int	post_describe(struct db *, int64_t, struct queue_subject *);
static const char *post_resolve(struct db *, const struct actor *, int64_t,
		    const struct queue_action *, int, const char *);

const struct queue_kind forum_queue_kinds[] = {
	{ .kind = "forum.post",
	  /* Moderators and admins everywhere; a board's moderators there. */
	  .decides_sql = "?1 OR EXISTS (SELECT 1 FROM posts p JOIN threads t "
	    "ON t.id = p.thread_id JOIN board_moderators m "
	    "ON m.board_id = t.board_id WHERE p.id = q.subject_id "
	    "AND m.account_id = ?2)",
	  .describe = post_describe,
	  .about_key = "mod.about.post",
	  .open_key = "reports.open",
	  .count_key = "reports.item_count",
	  .actions = {
		{ "dismiss", 'd', "reports.dismiss", "mod.dismiss", false, true },
		{ "hide", 'h', "reports.hide", "mod.hide_post", false, false },
		{ "suspend", 's', "reports.suspend", "mod.suspend", true, false },
		{ NULL, 0, NULL, NULL, false, false },
	  },
	  .resolve = post_resolve },
	{ .kind = NULL },
};

const char *
forum_report(struct db *db, const struct actor *v, int64_t post_id,
    const char *reason)
{
	struct forum_post_row r;
	const char *err = NULL;
	char *clean, target[32];
	int rc;

	if (v->account_id == 0)
		return "error.forum.guest";
	if ((clean = forum_clean_line(reason, FORUM_REASON_MAX,
	    "error.forum.reason_length", &err)) == NULL)
		return err;
	if ((err = db_tx_begin(db, clean, NULL)) != NULL)
		return err;
	if (forum_load_post(db, post_id, &r) != 0 || r.deleted ||
	    ((r.hidden != 0 || r.thread_hidden) &&
	    !actor_moderates(db, v, r.board_id)))
		err = "error.forum.not_found";
	else if (r.author_id == v->account_id)
		err = "error.forum.own_post";
	else if ((rc = queue_add(db, "forum.post", post_id, v->account_id,
	    clean)) == 1)
		err = "error.forum.already_reported";
	else if (rc != 0)
		err = "error.internal";
	free(clean);
	if (err == NULL && r.hidden == 0 && queue_open_items(db, "forum.post",
	    post_id) >= REPORTS_TO_HIDE) {
		snprintf(target, sizeof target, "post %lld",
		    (long long)post_id);
		if (db_exec_ints(db, "UPDATE posts SET hidden = 2 WHERE id = ?1",
		    post_id, 0, 0) != 0 || forum_index_post(db, post_id) != 0 ||
		    forum_notify_hidden(db, post_id, 0, "") != 0 ||
		    audit_log(db, AUDIT_AUTOMATIC, "post.auto_hide", target,
		    "automatic: 3 reports") != 0)
			err = "error.internal";
	}
	return db_tx_end(db, err);
}

struct core_error
forum_suspend_author(struct db *db, const struct actor *v, int64_t post_id,
    int days, const char *why)
{
	struct suspension susp = { .days = days };
	struct forum_post_row r;
	struct core_error e;
	const char *err;
	char *clean;

	if (days < 1 || days > SUSPEND_DAYS_MAX)
		return CORE_ERR("error.forum.days", "days");
	if ((clean = forum_clean_reason(why, &err)) == NULL)
		return CORE_ERR(err, "reason");
	if (db_tx_begin(db, clean, NULL) != NULL)
		return CORE_ERR("error.internal", NULL);
	if (forum_load_post(db, post_id, &r) != 0)
		e = CORE_ERR("error.forum.not_found", NULL);
	else {
		susp.reason = clean;
		susp.board_id = r.board_id;
		e = account_suspend_in_tx(db, v, r.author_id, &susp);
	}
	free(clean);
	if ((err = db_tx_end(db, e.key)) != e.key)
		return CORE_ERR(err, NULL);
	return e;
}

/* The reported post as the queue shows it: its thread's title, its
 * number and author, its text and whether it is hidden, and by whom. */
static int
post_describe(struct db *db, int64_t post_id, struct queue_subject *out)
{
	sqlite3_stmt *st;
	int rc = -1;

	memset(out, 0, sizeof *out);
	st = db_prepare(db, "SELECT t.title, p.thread_id, p.seq, p.author_id, "
	    "a.name, a.display, a.role, p.body, p.hidden FROM posts p "
	    "JOIN threads t ON t.id = p.thread_id "
	    "JOIN accounts a ON a.id = p.author_id WHERE p.id = ?1");
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, post_id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		db_column_copy(st, 0, out->title, sizeof out->title);
		out->place_id = sqlite3_column_int64(st, 1);
		out->number = sqlite3_column_int64(st, 2);
		out->owner_id = sqlite3_column_int64(st, 3);
		db_column_copy(st, 4, out->owner_name, sizeof out->owner_name);
		db_column_copy(st, 5, out->owner_display,
		    sizeof out->owner_display);
		out->owner_role = ROLE_MEMBER;
		role_parse((const char *)sqlite3_column_text(st, 6),
		    &out->owner_role);
		out->body = xstrdup((const char *)sqlite3_column_text(st, 7));
		switch (sqlite3_column_int(st, 8)) {
		case 0:
			out->note_word = "no";
			break;
		case 2:
			out->note_key = "reports.auto_hidden";
			out->note_word = "reports";
			break;
		default:
			out->note_key = "forum.post.hidden";
			out->note_word = "yes";
			break;
		}
		rc = 0;
	}
	sqlite3_finalize(st);
	return rc;
}

/* A moderator decides a reported post, inside queue_resolve's
 * transaction: dismiss (unhide it if three reports hid it), hide it, or
 * hide it and suspend its author, whose rank the suspension rule judges. */
static const char *
post_resolve(struct db *db, const struct actor *v, int64_t post_id,
    const struct queue_action *a, int days, const char *why)
{
	struct suspension susp = { 0 };
	struct forum_post_row row, *r = &row;
	char action[32];
	int hidden;

	if (forum_load_post(db, post_id, r) != 0)
		return "error.forum.not_found";
	if (!actor_moderates(db, v, r->board_id))
		return "error.forum.not_allowed";
	if (queue_open_items(db, "forum.post", post_id) <= 0)
		return "error.forum.no_reports";
	snprintf(action, sizeof action, "report.%s", a->name);
	if (queue_close(db, v, "forum.post", post_id, a) != 0)
		return "error.internal";
	/* Dismissing undoes only what the reports did, not a moderator. */
	hidden = a->dismisses ? (r->hidden == 2 ? 0 : r->hidden) : 1;
	if (hidden != r->hidden && (db_exec_ints(db, "UPDATE posts SET "
	    "hidden = ?2 WHERE id = ?1", r->id, hidden, 0) != 0 ||
	    forum_index_post(db, r->id) != 0 || (r->hidden == 0 &&
	    forum_notify_hidden(db, r->id, actor_audit_id(v), why) != 0)))
		return "error.internal";
	if (db_audit(db, v, "post", r->id, action, why) != NULL)
		return "error.internal";
	if (!a->days)
		return NULL;
	/* The author's rank is the suspension rule's to judge. */
	susp.days = days;
	susp.reason = why;
	susp.board_id = r->board_id;
	return account_suspend_in_tx(db, v, r->author_id, &susp).key;
}

