/* Reports: members flag posts; three different members' open reports hide
 * a post until a moderator resolves them (dismiss, hide, suspend the
 * author), and each resolution lands in the audit log. */
#include "core/forum-internal.h"
#include "common/strbuf.h"
#include "common/xalloc.h"
#include "core/audit.h"
#include "core/rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define REPORTS_TO_HIDE	3
#define SUSPEND_DAYS_MAX 3650

/* The open reports of the posts a viewer moderates: all for moderators
 * and admins, else those of the boards assigned to the viewer. */
#define OPEN_REPORTS \
	"FROM reports r JOIN posts p ON p.id = r.post_id " \
	"JOIN threads t ON t.id = p.thread_id WHERE r.resolved_at = 0 " \
	"AND (?1 OR t.board_id IN (SELECT board_id FROM board_moderators " \
	"WHERE account_id = ?2))"

static char	*report_reasons(struct db *, int64_t);
static const char *report_close(struct db *, const struct actor *,
		    const struct forum_post_row *, enum forum_resolution, int,
		    const char *);

const char *
forum_report(struct db *db, const struct actor *v, int64_t post_id,
    const char *reason)
{
	struct forum_post_row r;
	const char *err = NULL;
	char *clean, target[32];
	sqlite3_stmt *st;
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
	else if ((st = db_prepare(db, "INSERT INTO reports (post_id, "
	    "reporter_id, reason, at) VALUES (?1, ?2, ?3, ?4)")) == NULL)
		err = "error.internal";
	else {
		sqlite3_bind_int64(st, 1, post_id);
		sqlite3_bind_int64(st, 2, v->account_id);
		db_bind_text(st, 3, clean);
		sqlite3_bind_int64(st, 4, db_now());
		rc = db_step_done(st);
		if (rc == SQLITE_CONSTRAINT_UNIQUE)
			err = "error.forum.already_reported";
		else if (rc != SQLITE_DONE)
			err = "error.internal";
	}
	free(clean);
	if (err == NULL && r.hidden == 0 && db_scalar(db, "SELECT count(*) "
	    "FROM reports WHERE post_id = ?1 AND resolved_at = 0", post_id, 0,
	    0) >= REPORTS_TO_HIDE) {
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

int
forum_reports(struct db *db, const struct actor *v, int offset,
    int limit, struct forum_report_list *out)
{
	struct forum_report *r;
	sqlite3_stmt *st;
	int rc;

	memset(out, 0, sizeof *out);
	if (limit <= 0)
		return 0;
	st = db_prepare(db, "SELECT p.id, p.thread_id, t.board_id, p.seq, "
	    "t.title, p.author_id, a.name, a.display, p.body, count(*), "
	    "min(r.at), p.hidden FROM reports r "
	    "JOIN posts p ON p.id = r.post_id "
	    "JOIN threads t ON t.id = p.thread_id "
	    "JOIN accounts a ON a.id = p.author_id WHERE r.resolved_at = 0 "
	    "AND (?1 OR t.board_id IN (SELECT board_id FROM board_moderators "
	    "WHERE account_id = ?2)) "
	    "GROUP BY p.id ORDER BY min(r.at), p.id LIMIT ?3 OFFSET ?4");
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, v->role >= ROLE_MODERATOR);
	sqlite3_bind_int64(st, 2, v->account_id);
	sqlite3_bind_int(st, 3, limit + 1);
	sqlite3_bind_int(st, 4, offset > 0 ? offset : 0);
	out->v = xcalloc((size_t)limit, sizeof *out->v);
	while ((rc = db_page_step(st, out->n, limit,
	    &out->more)) == SQLITE_ROW) {
		r = &out->v[out->n++];
		r->post_id = sqlite3_column_int64(st, 0);
		r->thread_id = sqlite3_column_int64(st, 1);
		r->board_id = sqlite3_column_int64(st, 2);
		r->seq = sqlite3_column_int64(st, 3);
		db_column_copy(st, 4, r->thread_title, sizeof r->thread_title);
		r->author_id = sqlite3_column_int64(st, 5);
		db_column_copy(st, 6, r->author_name, sizeof r->author_name);
		db_column_copy(st, 7, r->author_display,
		    sizeof r->author_display);
		r->body = xstrdup((const char *)sqlite3_column_text(st, 8));
		r->count = sqlite3_column_int(st, 9);
		r->first_at = sqlite3_column_int64(st, 10);
		r->hidden = sqlite3_column_int(st, 11) != 0;
		r->auto_hidden = sqlite3_column_int(st, 11) == 2;
		r->reasons = report_reasons(db, r->post_id);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		forum_report_list_free(out);
		return -1;
	}
	return 0;
}

void
forum_report_list_free(struct forum_report_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].body);
		free(l->v[i].reasons);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}

int64_t
forum_reports_open(struct db *db, const struct actor *v)
{
	return db_scalar(db, "SELECT count(DISTINCT r.post_id) "
	    OPEN_REPORTS, v->role >= ROLE_MODERATOR, v->account_id, -1);
}

struct core_error
forum_report_resolve(struct db *db, const struct actor *v,
    int64_t post_id, enum forum_resolution how, int days, const char *why)
{
	struct forum_post_row r;
	const char *err = NULL;
	char *clean;

	if (how == FORUM_RESOLVE_SUSPEND &&
	    (days < 1 || days > SUSPEND_DAYS_MAX))
		return CORE_ERR("error.forum.days", "days");
	if ((clean = forum_clean_line(why, FORUM_REASON_MAX,
	    "error.forum.reason_length", &err)) == NULL)
		return CORE_ERR(err, "reason");
	if ((err = db_tx_begin(db, clean, NULL)) != NULL)
		return CORE_ERR(err, NULL);
	if (forum_load_post(db, post_id, &r) != 0)
		err = "error.forum.not_found";
	else if (!actor_moderates(db, v, r.board_id))
		err = "error.forum.not_allowed";
	else if (db_scalar(db, "SELECT count(*) FROM reports WHERE "
	    "post_id = ?1 AND resolved_at = 0", post_id, 0, 0) == 0)
		err = "error.forum.no_reports";
	else
		err = report_close(db, v, &r, how, days, clean);
	free(clean);
	return CORE_ERR(db_tx_end(db, err), NULL);
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

/* Applies a resolution inside the caller's transaction. */
static const char *
report_close(struct db *db, const struct actor *v,
    const struct forum_post_row *r, enum forum_resolution how, int days,
    const char *why)
{
	static const char *const names[] = { "dismiss", "hide", "suspend" };
	struct suspension susp = { 0 };
	char action[32];
	sqlite3_stmt *st;
	int hidden;

	snprintf(action, sizeof action, "report.%s", names[how]);
	st = db_prepare(db, "UPDATE reports SET resolved_at = ?2, "
	    "resolved_by = ?3, resolution = ?4 WHERE post_id = ?1 "
	    "AND resolved_at = 0");
	if (st == NULL)
		return "error.internal";
	sqlite3_bind_int64(st, 1, r->id);
	sqlite3_bind_int64(st, 2, db_now());
	sqlite3_bind_int64(st, 3, actor_audit_id(v));
	db_bind_text(st, 4, names[how]);
	if (db_step_done(st) != SQLITE_DONE)
		return "error.internal";
	/* Dismissing undoes only what the reports did, not a moderator. */
	hidden = how == FORUM_RESOLVE_DISMISS ? (r->hidden == 2 ? 0 : r->hidden)
	    : 1;
	if (hidden != r->hidden && (db_exec_ints(db, "UPDATE posts SET "
	    "hidden = ?2 WHERE id = ?1", r->id, hidden, 0) != 0 ||
	    forum_index_post(db, r->id) != 0 || (r->hidden == 0 &&
	    forum_notify_hidden(db, r->id, actor_audit_id(v), why) != 0)))
		return "error.internal";
	if (db_audit(db, v, "post", r->id, action, why) != NULL)
		return "error.internal";
	if (how != FORUM_RESOLVE_SUSPEND)
		return NULL;
	/* The author's rank is the suspension rule's to judge. */
	susp.days = days;
	susp.reason = why;
	susp.board_id = r->board_id;
	return account_suspend_in_tx(db, v, r->author_id, &susp).key;
}

/* "name: reason" lines of a post's open reports, oldest first. */
static char *
report_reasons(struct db *db, int64_t post_id)
{
	struct strbuf sb = { 0 };
	sqlite3_stmt *st;

	sb_puts(&sb, "");
	st = db_prepare(db, "SELECT a.name, r.reason FROM reports r "
	    "JOIN accounts a ON a.id = r.reporter_id WHERE r.post_id = ?1 "
	    "AND r.resolved_at = 0 ORDER BY r.id");
	if (st == NULL)
		return sb_take(&sb);
	sqlite3_bind_int64(st, 1, post_id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		sb_printf(&sb, "%s%s: %s", sb.len ? "\n" : "",
		    (const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	return sb_take(&sb);
}
