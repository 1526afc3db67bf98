/* Threads: starting one, a board's page of threads, one thread with the
 * viewer's read mark, renaming, and the moderators' pin, lock, hide and
 * move. */
#include "core/forum-internal.h"
#include "common/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define THREAD_COLUMNS \
	"t.id, t.board_id, t.title, t.author_id, a.name, a.display, " \
	"t.created, t.last_post_at, t.last_seq, t.pinned, t.locked, " \
	"t.hidden, coalesce(r.read_seq, CASE WHEN t.last_post_at < " \
	FORUM_HORIZON " THEN t.last_seq ELSE 0 END)"
#define THREAD_JOINS \
	"JOIN accounts a ON a.id = t.author_id " \
	"LEFT JOIN thread_reads r ON r.account_id = ?1 AND r.thread_id = t.id"

enum thread_flag { FLAG_PINNED, FLAG_LOCKED, FLAG_HIDDEN };

static void	thread_from_row(sqlite3_stmt *, struct forum_thread *);
static const char *thread_insert(struct db *, const struct actor *,
		    int64_t, const char *, const char *, const char *,
		    int64_t *, int64_t *);
static char	*board_detail(struct db *, int64_t, const char *);
static const char *start_thread(struct db *, const struct actor *, int64_t,
		    const char *, const char *, const char *, int64_t *,
		    int64_t *);
static struct core_error thread_set(struct db *, const struct actor *,
		    int64_t, enum thread_flag, bool, const char *);

struct core_error
forum_thread_start(struct db *db, const struct actor *v,
    int64_t board_id, const char *title, const char *body, const char *lang,
    int64_t *thread_id, int64_t *post_id)
{
	return forum_text_error(start_thread(db, v, board_id, title, body, lang,
	    thread_id, post_id));
}

static const char *
start_thread(struct db *db, const struct actor *v,
    int64_t board_id, const char *title, const char *body, const char *lang,
    int64_t *thread_id, int64_t *post_id)
{
	const char *err = NULL, *code;
	char *t, *b;
	int64_t tid = 0, pid = 0;

	if (v->account_id == 0)
		return "error.forum.guest";
	if ((code = forum_check_lang(v, lang)) == NULL)
		return "error.lang.unknown";
	if ((t = forum_clean_line(title, FORUM_TITLE_MAX,
	    "error.forum.title_length", &err)) == NULL)
		return err;
	if ((b = forum_clean_body(body, &err)) == NULL) {
		free(t);
		return err;
	}
	if ((err = db_tx_begin(db, t, b)) != NULL)
		return err;
	err = thread_insert(db, v, board_id, t, b, code, &tid, &pid);
	free(t);
	free(b);
	if ((err = db_tx_end(db, err)) != NULL)
		return err;
	if (thread_id != NULL)
		*thread_id = tid;
	if (post_id != NULL)
		*post_id = pid;
	return NULL;
}

int
forum_threads(struct db *db, const struct actor *v, int64_t board_id,
    int offset, int limit, struct forum_thread_list *out)
{
	sqlite3_stmt *st;
	int rc;

	memset(out, 0, sizeof *out);
	if (limit <= 0)
		return 0;
	st = db_prepare(db, "SELECT " THREAD_COLUMNS " FROM threads t "
	    THREAD_JOINS " WHERE t.board_id = ?2 AND (?3 OR t.hidden = 0) "
	    "ORDER BY t.pinned DESC, t.last_post_at DESC, t.id DESC "
	    "LIMIT ?4 OFFSET ?5");
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, v->account_id);
	sqlite3_bind_int64(st, 2, board_id);
	sqlite3_bind_int(st, 3, actor_moderates(db, v, board_id));
	sqlite3_bind_int(st, 4, limit + 1);
	sqlite3_bind_int(st, 5, offset > 0 ? offset : 0);
	out->v = xcalloc((size_t)limit, sizeof *out->v);
	while ((rc = db_page_step(st, out->n, limit,
	    &out->more)) == SQLITE_ROW) {
		thread_from_row(st, &out->v[out->n++]);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		forum_thread_list_free(out);
		return -1;
	}
	if (v->account_id == 0) {
		for (size_t i = 0; i < out->n; i++)
			out->v[i].first_unread = 0;
	}
	return 0;
}

void
forum_thread_list_free(struct forum_thread_list *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}

int
forum_thread_get(struct db *db, const struct actor *v, int64_t id,
    struct forum_thread *out)
{
	sqlite3_stmt *st;
	int rc;

	st = db_prepare(db, "SELECT " THREAD_COLUMNS " FROM threads t "
	    THREAD_JOINS " WHERE t.id = ?2");
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, v->account_id);
	sqlite3_bind_int64(st, 2, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		thread_from_row(st, out);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return -1;
	if (out->hidden && !actor_moderates(db, v, out->board_id))
		return -1;
	if (v->account_id == 0)
		out->first_unread = 0;
	return 0;
}

const char *
forum_thread_retitle(struct db *db, const struct actor *v, int64_t id,
    const char *title)
{
	struct forum_thread_row t;
	const char *err = NULL;
	sqlite3_stmt *st;
	char *clean;

	if ((clean = forum_clean_line(title, FORUM_TITLE_MAX,
	    "error.forum.title_length", &err)) == NULL)
		return err;
	if ((err = db_tx_begin(db, clean, NULL)) != NULL)
		return err;
	if (forum_load_thread(db, id, &t) != 0)
		err = "error.forum.not_found";
	else if (!actor_moderates(db, v, t.board_id) &&
	    (v->account_id != t.author_id || t.locked || t.hidden ||
	    forum_may_post(db, v) != NULL))
		err = "error.forum.not_allowed";
	else if ((st = db_prepare(db, "UPDATE threads SET title = ?2 "
	    "WHERE id = ?1")) == NULL)
		err = "error.internal";
	else {
		sqlite3_bind_int64(st, 1, id);
		db_bind_text(st, 2, clean);
		if (db_step_done(st) != SQLITE_DONE)
			err = "error.internal";
	}
	if (err == NULL && forum_index_thread(db, id) != 0)
		err = "error.internal";
	if (err == NULL && v->account_id != t.author_id)
		err = db_audit(db, v, "thread", id, "thread.retitle", clean);
	free(clean);
	return db_tx_end(db, err);
}

struct core_error
forum_thread_pin(struct db *db, const struct actor *v, int64_t id,
    bool on, const char *reason)
{
	return thread_set(db, v, id, FLAG_PINNED, on, reason);
}

struct core_error
forum_thread_lock(struct db *db, const struct actor *v, int64_t id,
    bool on, const char *reason)
{
	return thread_set(db, v, id, FLAG_LOCKED, on, reason);
}

struct core_error
forum_thread_hide(struct db *db, const struct actor *v, int64_t id,
    bool on, const char *reason)
{
	return thread_set(db, v, id, FLAG_HIDDEN, on, reason);
}

struct core_error
forum_thread_move(struct db *db, const struct actor *v, int64_t id,
    int64_t board_id, const char *reason)
{
	struct forum_thread_row t;
	const char *err = NULL;
	char *why, *detail;

	if ((why = forum_clean_reason(reason, &err)) == NULL)
		return CORE_ERR(err, "reason");
	if ((err = db_tx_begin(db, why, NULL)) != NULL)
		return CORE_ERR(err, NULL);
	detail = board_detail(db, board_id, why);
	free(why);
	if (forum_load_thread(db, id, &t) != 0 ||
	    db_scalar(db, "SELECT 1 FROM boards WHERE id = ?1", board_id, 0,
	    0) != 1)
		err = "error.forum.not_found";
	else if (!actor_moderates(db, v, t.board_id) ||
	    !actor_moderates(db, v, board_id))
		err = "error.forum.not_allowed";
	else if (t.board_id == board_id)
		err = "error.forum.same_board";
	else if (db_exec_ints(db, "UPDATE threads SET board_id = ?2 "
	    "WHERE id = ?1", id, board_id, 0) != 0 ||
	    forum_index_thread(db, id) != 0)
		err = "error.internal";
	else
		err = db_audit(db, v, "thread", id, "thread.move", detail);
	free(detail);
	return CORE_ERR(db_tx_end(db, err), NULL);
}

/* "to board 2 "Title": why" for the audit log of a move. */
static char *
board_detail(struct db *db, int64_t board_id, const char *why)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT title FROM boards "
	    "WHERE id = ?1");
	const char *title = NULL;
	char *s;

	if (st != NULL) {
		sqlite3_bind_int64(st, 1, board_id);
		if (sqlite3_step(st) == SQLITE_ROW)
			title = (const char *)sqlite3_column_text(st, 0);
	}
	s = xasprintf("to board %lld%s%s%s%s%s", (long long)board_id,
	    title != NULL ? " \"" : "", title != NULL ? title : "",
	    title != NULL ? "\"" : "", why[0] != '\0' ? ": " : "", why);
	sqlite3_finalize(st);
	return s;
}

/* Inserts a thread and its first post inside the caller's transaction. */
static const char *
thread_insert(struct db *db, const struct actor *v, int64_t board_id,
    const char *title, const char *body, const char *lang, int64_t *tid,
    int64_t *pid)
{
	const char *err;
	sqlite3_stmt *st;
	int64_t now = db_now();

	if ((err = forum_may_post(db, v)) != NULL)
		return err;
	if (db_scalar(db, "SELECT 1 FROM boards WHERE id = ?1", board_id, 0,
	    0) != 1)
		return "error.forum.not_found";
	st = db_prepare(db, "INSERT INTO threads (board_id, title, author_id, "
	    "created, last_post_at, last_seq) VALUES (?1, ?2, ?3, ?4, ?4, 1)");
	if (st == NULL)
		return "error.internal";
	sqlite3_bind_int64(st, 1, board_id);
	db_bind_text(st, 2, title);
	sqlite3_bind_int64(st, 3, v->account_id);
	sqlite3_bind_int64(st, 4, now);
	if (db_step_done(st) != SQLITE_DONE)
		return "error.internal";
	*tid = sqlite3_last_insert_rowid(db->h);
	st = db_prepare(db, "INSERT INTO posts (thread_id, seq, author_id, "
	    "lang, body, created) VALUES (?1, 1, ?2, ?3, ?4, ?5)");
	if (st == NULL)
		return "error.internal";
	sqlite3_bind_int64(st, 1, *tid);
	sqlite3_bind_int64(st, 2, v->account_id);
	db_bind_text(st, 3, lang);
	db_bind_text(st, 4, body);
	sqlite3_bind_int64(st, 5, now);
	if (db_step_done(st) != SQLITE_DONE)
		return "error.internal";
	*pid = sqlite3_last_insert_rowid(db->h);
	if (db_exec_ints(db, "INSERT INTO thread_reads (account_id, thread_id, "
	    "read_seq) VALUES (?1, ?2, 1)", v->account_id, *tid, 0) != 0 ||
	    forum_index_post(db, *pid) != 0 ||
	    forum_notify(db, v->account_id, *tid, *pid, body, false) != 0)
		return "error.internal";
	return NULL;
}

/* Sets one of a thread's flags (moderators) and logs it. */
static struct core_error
thread_set(struct db *db, const struct actor *v, int64_t id,
    enum thread_flag flag, bool on, const char *reason)
{
	static const char *const sql[] = {
		"UPDATE threads SET pinned = ?2 WHERE id = ?1",
		"UPDATE threads SET locked = ?2 WHERE id = ?1",
		"UPDATE threads SET hidden = ?2 WHERE id = ?1",
	};
	static const char *const action[][2] = {
		{ "thread.unpin", "thread.pin" },
		{ "thread.unlock", "thread.lock" },
		{ "thread.unhide", "thread.hide" },
	};
	struct forum_thread_row t;
	const char *err = NULL;
	char *why;

	if ((why = forum_clean_reason(reason, &err)) == NULL)
		return CORE_ERR(err, "reason");
	if ((err = db_tx_begin(db, why, NULL)) != NULL)
		return CORE_ERR(err, NULL);
	if (forum_load_thread(db, id, &t) != 0)
		err = "error.forum.not_found";
	else if (!actor_moderates(db, v, t.board_id))
		err = "error.forum.not_allowed";
	else if (db_exec_ints(db, sql[flag], id, on, 0) != 0 ||
	    (flag == FLAG_HIDDEN && forum_index_thread(db, id) != 0))
		err = "error.internal";
	else
		err = db_audit(db, v, "thread", id, action[flag][on], why);
	free(why);
	return CORE_ERR(db_tx_end(db, err), NULL);
}

static void
thread_from_row(sqlite3_stmt *st, struct forum_thread *t)
{
	memset(t, 0, sizeof *t);
	t->id = sqlite3_column_int64(st, 0);
	t->board_id = sqlite3_column_int64(st, 1);
	db_column_copy(st, 2, t->title, sizeof t->title);
	t->author_id = sqlite3_column_int64(st, 3);
	db_column_copy(st, 4, t->author_name, sizeof t->author_name);
	db_column_copy(st, 5, t->author_display, sizeof t->author_display);
	t->created = sqlite3_column_int64(st, 6);
	t->last_post_at = sqlite3_column_int64(st, 7);
	t->last_seq = sqlite3_column_int64(st, 8);
	t->pinned = sqlite3_column_int(st, 9) != 0;
	t->locked = sqlite3_column_int(st, 10) != 0;
	t->hidden = sqlite3_column_int(st, 11) != 0;
	t->read_seq = sqlite3_column_int64(st, 12);
	t->replies = t->last_seq > 0 ? t->last_seq - 1 : 0;
	t->first_unread = t->read_seq < t->last_seq ? t->read_seq + 1 : 0;
}
