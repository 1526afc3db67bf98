/* Posts: replying, a page of a thread, one post, editing with history,
 * soft deletion, and moderators hiding posts. */
#include "core/forum-internal.h"
#include "common/xalloc.h"

#include <stdlib.h>
#include <string.h>

#define POST_COLUMNS \
	"p.id, p.thread_id, p.seq, p.author_id, a.name, a.display, p.lang, " \
	"p.created, p.edited_at, p.hidden, p.deleted, p.body, a.role"

static void	post_from_row(sqlite3_stmt *, struct forum_post *, bool);
static const char *add_reply(struct db *, const struct actor *, int64_t,
		    const char *, const char *, int64_t *, int64_t *);
static const char *edit_post(struct db *, const struct actor *, int64_t,
		    const char *, const char *);
static const char *reply_insert(struct db *, const struct actor *,
		    int64_t, const char *, const char *, int64_t *, int64_t *);
static bool	post_visible(struct db *, const struct actor *,
		    const struct forum_post_row *);

struct core_error
forum_reply(struct db *db, const struct actor *v, int64_t thread_id,
    const char *body, const char *lang, int64_t *post_id, int64_t *seq)
{
	return forum_text_error(add_reply(db, v, thread_id, body, lang,
	    post_id, seq));
}

static const char *
add_reply(struct db *db, const struct actor *v, int64_t thread_id,
    const char *body, const char *lang, int64_t *post_id, int64_t *seq)
{
	const char *err = NULL, *code;
	int64_t pid = 0, s = 0;
	char *b;

	if (v->account_id == 0)
		return "error.forum.guest";
	if ((code = forum_check_lang(v, lang)) == NULL)
		return "error.lang.unknown";
	if ((b = forum_clean_body(body, &err)) == NULL)
		return err;
	if ((err = db_tx_begin(db, b, NULL)) != NULL)
		return err;
	err = reply_insert(db, v, thread_id, b, code, &pid, &s);
	free(b);
	if ((err = db_tx_end(db, err)) != NULL)
		return err;
	if (post_id != NULL)
		*post_id = pid;
	if (seq != NULL)
		*seq = s;
	return NULL;
}

int
forum_posts(struct db *db, const struct actor *v, int64_t thread_id,
    int64_t from, int limit, struct forum_post_list *out)
{
	struct forum_thread_row t;
	sqlite3_stmt *st;
	bool mod;
	int rc;

	memset(out, 0, sizeof *out);
	if (forum_load_thread(db, thread_id, &t) != 0)
		return -1;
	mod = actor_moderates(db, v, t.board_id);
	if (t.hidden && !mod)
		return -1;
	if (limit <= 0)
		return 0;
	if (from < 1)
		from = 1;
	st = db_prepare(db, "SELECT " POST_COLUMNS " FROM posts p "
	    "JOIN accounts a ON a.id = p.author_id WHERE p.thread_id = ?1 "
	    "AND p.seq >= ?2 AND p.seq < ?3 ORDER BY p.seq");
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, thread_id);
	sqlite3_bind_int64(st, 2, from);
	sqlite3_bind_int64(st, 3, from + limit);
	out->v = xcalloc((size_t)limit, sizeof *out->v);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && out->n < (size_t)limit)
		post_from_row(st, &out->v[out->n++], mod);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		forum_post_list_free(out);
		return -1;
	}
	return 0;
}

void
forum_post_list_free(struct forum_post_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i].body);
	free(l->v);
	memset(l, 0, sizeof *l);
}

int
forum_post_get(struct db *db, const struct actor *v, int64_t id,
    struct forum_post *out)
{
	struct forum_post_row r;
	sqlite3_stmt *st;
	int rc;

	memset(out, 0, sizeof *out);
	if (forum_load_post(db, id, &r) != 0 || !post_visible(db, v, &r))
		return -1;
	st = db_prepare(db, "SELECT " POST_COLUMNS " FROM posts p "
	    "JOIN accounts a ON a.id = p.author_id WHERE p.id = ?1");
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		post_from_row(st, out, actor_moderates(db, v, r.board_id));
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

void
forum_post_clear(struct forum_post *p)
{
	free(p->body);
	memset(p, 0, sizeof *p);
}

struct core_error
forum_post_edit(struct db *db, const struct actor *v, int64_t id,
    const char *body, const char *lang)
{
	return forum_text_error(edit_post(db, v, id, body, lang));
}

static const char *
edit_post(struct db *db, const struct actor *v, int64_t id,
    const char *body, const char *lang)
{
	struct forum_post_row r;
	const char *err = NULL;
	sqlite3_stmt *st;
	bool mod = false;
	char *b;

	if (lang != NULL && *lang != '\0' && forum_check_lang(v, lang) == NULL)
		return "error.lang.unknown";
	if ((b = forum_clean_body(body, &err)) == NULL)
		return err;
	if ((err = db_tx_begin(db, b, NULL)) != NULL)
		return err;
	if (forum_load_post(db, id, &r) != 0 || !post_visible(db, v, &r) ||
	    r.deleted)
		err = "error.forum.not_found";
	else if (!(mod = actor_moderates(db, v, r.board_id)) &&
	    v->account_id != r.author_id)
		err = "error.forum.not_allowed";
	else if (!mod && r.locked)
		err = "error.forum.locked";
	else if (!mod && (err = forum_may_post(db, v)) != NULL &&
	    strcmp(err, "error.forum.flood") == 0)
		err = NULL;	/* a new post is not needed to fix a typo */
	if (err == NULL && !mod)
		err = forum_may_edit(db, v);
	if (err == NULL) {
		if (db_exec_ints(db, "INSERT INTO post_edits (post_id, "
		    "editor_id, at, body) SELECT id, ?2, ?3, body FROM posts "
		    "WHERE id = ?1", id, v->account_id, db_now()) != 0 ||
		    db_exec_ints(db, "DELETE FROM post_edits WHERE post_id = ?1 "
		    "AND id NOT IN (SELECT id FROM post_edits WHERE post_id = ?1 "
		    "ORDER BY id DESC LIMIT ?2) AND id != (SELECT min(id) FROM "
		    "post_edits WHERE post_id = ?1)", id,
		    FORUM_EDIT_HISTORY - 1, 0) != 0 ||
		    (st = db_prepare(db, "UPDATE posts SET body = ?2, "
		    "lang = coalesce(?3, lang), edited_at = ?4 "
		    "WHERE id = ?1")) == NULL)
			err = "error.internal";
		else {
			sqlite3_bind_int64(st, 1, id);
			db_bind_text(st, 2, b);
			db_bind_text(st, 3, lang != NULL && *lang != '\0' ?
			    lang : NULL);
			sqlite3_bind_int64(st, 4, db_now());
			if (db_step_done(st) != SQLITE_DONE ||
			    forum_index_post(db, id) != 0)
				err = "error.internal";
		}
	}
	if (err == NULL && v->account_id != r.author_id)
		err = db_audit(db, v, "post", id, "post.edit", "");
	free(b);
	return db_tx_end(db, err);
}

const char *
forum_post_delete(struct db *db, const struct actor *v, int64_t id)
{
	struct forum_post_row r;
	const char *err = NULL;

	if (db_begin(db) != 0)
		return "error.internal";
	if (forum_load_post(db, id, &r) != 0 || !post_visible(db, v, &r) ||
	    r.deleted)
		err = "error.forum.not_found";
	else if (v->account_id != r.author_id &&
	    !actor_moderates(db, v, r.board_id))
		err = "error.forum.not_allowed";
	else if (db_exec_ints(db, "UPDATE posts SET deleted = 1 WHERE id = ?1",
	    id, 0, 0) != 0 || forum_index_post(db, id) != 0)
		err = "error.internal";
	else if (v->account_id != r.author_id)
		err = db_audit(db, v, "post", id, "post.delete", "");
	return db_tx_end(db, err);
}

struct core_error
forum_post_hide(struct db *db, const struct actor *v, int64_t id,
    bool on, const char *reason)
{
	struct forum_post_row r;
	const char *err = NULL;
	char *why;

	if ((why = forum_clean_reason(reason, &err)) == NULL)
		return CORE_ERR(err, "reason");
	if ((err = db_tx_begin(db, why, NULL)) != NULL)
		return CORE_ERR(err, NULL);
	if (forum_load_post(db, id, &r) != 0)
		err = "error.forum.not_found";
	else if (!actor_moderates(db, v, r.board_id))
		err = "error.forum.not_allowed";
	else if (db_exec_ints(db, "UPDATE posts SET hidden = ?2 WHERE id = ?1",
	    id, on ? 1 : 0, 0) != 0 || forum_index_post(db, id) != 0 ||
	    (on && r.hidden == 0 &&
	    forum_notify_hidden(db, id, actor_audit_id(v), why) != 0))
		err = "error.internal";
	else
		err = db_audit(db, v, "post", id,
		    on ? "post.hide" : "post.unhide", why);
	free(why);
	return CORE_ERR(db_tx_end(db, err), NULL);
}

int
forum_post_history(struct db *db, const struct actor *v, int64_t id,
    struct forum_edit_list *out)
{
	struct forum_post_row r;
	struct forum_edit *e;
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	memset(out, 0, sizeof *out);
	if (forum_load_post(db, id, &r) != 0 || !post_visible(db, v, &r) ||
	    (r.deleted && !actor_moderates(db, v, r.board_id)))
		return -1;
	st = db_prepare(db, "SELECT e.at, e.editor_id, "
	    "coalesce(a.display, ''), e.body FROM post_edits e "
	    "LEFT JOIN accounts a ON a.id = e.editor_id "
	    "WHERE e.post_id = ?1 ORDER BY e.id DESC");
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->n == cap) {
			cap = cap ? cap * 2 : 4;
			out->v = xrealloc(out->v, cap * sizeof *out->v);
		}
		e = &out->v[out->n++];
		e->at = sqlite3_column_int64(st, 0);
		e->editor_id = sqlite3_column_int64(st, 1);
		db_column_copy(st, 2, e->editor_display,
		    sizeof e->editor_display);
		e->body = xstrdup((const char *)sqlite3_column_text(st, 3));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		forum_edit_list_free(out);
		return -1;
	}
	return 0;
}

void
forum_edit_list_free(struct forum_edit_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i].body);
	free(l->v);
	memset(l, 0, sizeof *l);
}

/* Appends a reply inside the caller's transaction: checks the viewer and
 * the thread, takes the next seq, updates the thread, the author's read
 * mark, the search index and the notifications. */
static const char *
reply_insert(struct db *db, const struct actor *v, int64_t thread_id,
    const char *body, const char *lang, int64_t *pid, int64_t *seq)
{
	struct forum_thread_row t;
	const char *err;
	sqlite3_stmt *st;
	int64_t now = db_now();

	if ((err = forum_may_post(db, v)) != NULL)
		return err;
	if (forum_load_thread(db, thread_id, &t) != 0)
		return "error.forum.not_found";
	if (t.hidden || t.locked) {
		if (!actor_moderates(db, v, t.board_id))
			return t.hidden ? "error.forum.not_found" :
			    "error.forum.locked";
	}
	*seq = t.last_seq + 1;
	st = db_prepare(db, "INSERT INTO posts (thread_id, seq, author_id, "
	    "lang, body, created) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
	if (st == NULL)
		return "error.internal";
	sqlite3_bind_int64(st, 1, thread_id);
	sqlite3_bind_int64(st, 2, *seq);
	sqlite3_bind_int64(st, 3, v->account_id);
	db_bind_text(st, 4, lang);
	db_bind_text(st, 5, body);
	sqlite3_bind_int64(st, 6, now);
	if (db_step_done(st) != SQLITE_DONE)
		return "error.internal";
	*pid = sqlite3_last_insert_rowid(db->h);
	if (db_exec_ints(db, "UPDATE threads SET last_seq = ?2, "
	    "last_post_at = ?3 WHERE id = ?1", thread_id, *seq, now) != 0 ||
	    db_exec_ints(db, "INSERT INTO thread_reads (account_id, thread_id, "
	    "read_seq) VALUES (?1, ?2, ?3) ON CONFLICT DO UPDATE SET "
	    "read_seq = max(read_seq, excluded.read_seq)", v->account_id,
	    thread_id, *seq) != 0 ||
	    forum_index_post(db, *pid) != 0 ||
	    forum_notify(db, v->account_id, thread_id, *pid, body, true) != 0)
		return "error.internal";
	return NULL;
}

/* True when the viewer may see the post at all (hidden posts and posts of
 * hidden threads only for moderators; deleted ones as placeholders). */
static bool
post_visible(struct db *db, const struct actor *v,
    const struct forum_post_row *r)
{
	if (r->hidden == 0 && !r->thread_hidden)
		return true;
	return actor_moderates(db, v, r->board_id);
}

/* Fills a post from a row of POST_COLUMNS; the bodies of deleted and hidden
 * posts only for moderators. */
static void
post_from_row(sqlite3_stmt *st, struct forum_post *p, bool mod)
{
	const char *body;

	memset(p, 0, sizeof *p);
	p->id = sqlite3_column_int64(st, 0);
	p->thread_id = sqlite3_column_int64(st, 1);
	p->seq = sqlite3_column_int64(st, 2);
	p->author_id = sqlite3_column_int64(st, 3);
	db_column_copy(st, 4, p->author_name, sizeof p->author_name);
	db_column_copy(st, 5, p->author_display, sizeof p->author_display);
	db_column_copy(st, 6, p->lang, sizeof p->lang);
	p->created = sqlite3_column_int64(st, 7);
	p->edited_at = sqlite3_column_int64(st, 8);
	p->hidden = sqlite3_column_int(st, 9) != 0;
	p->deleted = sqlite3_column_int(st, 10) != 0;
	body = (const char *)sqlite3_column_text(st, 11);
	p->body = xstrdup((p->deleted || p->hidden) && !mod ? "" :
	    body != NULL ? body : "");
	p->author_role = ROLE_MEMBER;
	role_parse((const char *)sqlite3_column_text(st, 12), &p->author_role);
}
