/* Notifications: replies in threads a user started or replied to, and
 * mentions of @username; the list, unread count, a cheap probe for
 * polling, and marking read. */
#include "core/forum-internal.h"
#include "common/xalloc.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define MENTIONS_MAX	10	/* per post; more are ignored */

static int	mentions(struct db *, const char *, int64_t, int64_t *, int);
static bool	name_char(char);
static int64_t	account_id_of(struct db *, const char *);
static int	notice_add(struct db *, int64_t, enum forum_notice_kind,
		    int64_t, int64_t, const char *);

int
forum_notify(struct db *db, int64_t author_id, int64_t thread_id,
    int64_t post_id, const char *body, bool reply)
{
	int64_t ids[MENTIONS_MAX], who;
	sqlite3_stmt *st;
	int n, i, rc;

	n = mentions(db, body, author_id, ids, MENTIONS_MAX);
	for (i = 0; i < n; i++) {
		if (notice_add(db, ids[i], FORUM_NOTICE_MENTION, author_id,
		    post_id, "") != 0)
			return -1;
	}
	if (reply) {
		st = db_prepare(db, "SELECT account_id FROM thread_participants "
		    "WHERE thread_id = ?1 AND account_id != ?2");
		if (st == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, thread_id);
		sqlite3_bind_int64(st, 2, author_id);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			who = sqlite3_column_int64(st, 0);
			for (i = 0; i < n && ids[i] != who; i++)
				;
			if (i == n && notice_add(db, who, FORUM_NOTICE_REPLY,
			    author_id, post_id, "") != 0)
				break;
		}
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return -1;
	}
	return db_exec_ints(db, "INSERT OR IGNORE INTO thread_participants "
	    "(thread_id, account_id) VALUES (?1, ?2)", thread_id, author_id, 0);
}

int
forum_notify_hidden(struct db *db, int64_t post_id, int64_t actor_id,
    const char *reason)
{
	int64_t author = db_scalar(db, "SELECT author_id FROM posts "
	    "WHERE id = ?1", post_id, 0, 0);

	if (author == 0 || author == actor_id)
		return 0;
	return notice_add(db, author, FORUM_NOTICE_HIDDEN, actor_id, post_id,
	    reason);
}

int
forum_notices(struct db *db, const struct actor *v, int offset,
    int limit, struct forum_notice_list *out)
{
	struct forum_notice *n;
	sqlite3_stmt *st;
	int rc;

	memset(out, 0, sizeof *out);
	if (v->account_id == 0 || limit <= 0)
		return 0;
	st = db_prepare(db, "SELECT n.id, n.kind, n.at, n.actor_id, "
	    "coalesce(a.display, ''), p.thread_id, t.title, n.post_id, p.seq, "
	    "n.read, n.detail, coalesce(a.name, ''), coalesce(a.role, 'member') "
	    "FROM notices n JOIN posts p ON p.id = n.post_id "
	    "JOIN threads t ON t.id = p.thread_id "
	    "LEFT JOIN accounts a ON a.id = n.actor_id "
	    "WHERE n.account_id = ?1 ORDER BY n.id DESC LIMIT ?2 OFFSET ?3");
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, v->account_id);
	sqlite3_bind_int(st, 2, limit + 1);
	sqlite3_bind_int(st, 3, offset > 0 ? offset : 0);
	out->v = xcalloc((size_t)limit, sizeof *out->v);
	while ((rc = db_page_step(st, out->n, limit,
	    &out->more)) == SQLITE_ROW) {
		n = &out->v[out->n++];
		n->id = sqlite3_column_int64(st, 0);
		switch (sqlite3_column_int(st, 1)) {
		case FORUM_NOTICE_MENTION:
			n->kind = FORUM_NOTICE_MENTION;
			break;
		case FORUM_NOTICE_HIDDEN:
			n->kind = FORUM_NOTICE_HIDDEN;
			break;
		default:
			n->kind = FORUM_NOTICE_REPLY;
			break;
		}
		n->at = sqlite3_column_int64(st, 2);
		n->actor_id = sqlite3_column_int64(st, 3);
		db_column_copy(st, 4, n->actor_display,
		    sizeof n->actor_display);
		n->thread_id = sqlite3_column_int64(st, 5);
		db_column_copy(st, 6, n->thread_title, sizeof n->thread_title);
		n->post_id = sqlite3_column_int64(st, 7);
		n->seq = sqlite3_column_int64(st, 8);
		n->read = sqlite3_column_int(st, 9) != 0;
		db_column_copy(st, 10, n->detail, sizeof n->detail);
		db_column_copy(st, 11, n->actor_name, sizeof n->actor_name);
		n->actor_role = ROLE_MEMBER;
		role_parse((const char *)sqlite3_column_text(st, 12),
		    &n->actor_role);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		forum_notice_list_free(out);
		return -1;
	}
	return 0;
}

void
forum_notice_list_free(struct forum_notice_list *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}

int64_t
forum_notices_unread(struct db *db, const struct actor *v)
{
	if (v->account_id == 0)
		return 0;
	return db_scalar(db, "SELECT count(*) FROM notices "
	    "WHERE account_id = ?1 AND read = 0", v->account_id, 0, -1);
}

int64_t
forum_notices_probe(struct db *db, const struct actor *v)
{
	if (v->account_id == 0)
		return 0;
	return db_scalar(db, "SELECT coalesce(max(id), 0) FROM notices "
	    "WHERE account_id = ?1", v->account_id, 0, -1);
}

const char *
forum_notice_read(struct db *db, const struct actor *v, int64_t id)
{
	int rc;

	if (v->account_id == 0)
		return "error.forum.guest";
	if (id > 0)
		rc = db_exec_ints(db, "UPDATE notices SET read = 1 "
		    "WHERE account_id = ?1 AND id = ?2 AND read = 0",
		    v->account_id, id, 0);
	else
		rc = db_exec_ints(db, "UPDATE notices SET read = 1 "
		    "WHERE account_id = ?1 AND read = 0", v->account_id, 0, 0);
	return rc == 0 ? NULL : "error.internal";
}

/* Collects the ids of existing accounts named as @name in body (user-name
 * characters, compared case-insensitively), not self and each once.
 * Returns how many. */
static int
mentions(struct db *db, const char *body, int64_t self, int64_t *ids, int max)
{
	char name[ACCOUNT_NAME_MAX + 1];
	const char *p;
	int64_t id;
	size_t len;
	int n = 0, i;

	for (p = strchr(body, '@'); p != NULL && n < max;
	    p = strchr(p + 1, '@')) {
		if (p > body && name_char(p[-1]))
			continue;	/* an address: someone@example.org */
		for (len = 0; name_char(p[1 + len]); len++)
			;
		/* A sentence may end right after the name: "@ruta." */
		while (len > 0 && strchr(".-_", p[len]) != NULL)
			len--;
		if (len < 3 || len > ACCOUNT_NAME_MAX)
			continue;
		for (i = 0; i < (int)len; i++)
			name[i] = (char)tolower((unsigned char)p[1 + i]);
		name[len] = '\0';
		id = account_id_of(db, name);
		if (id == 0 || id == self)
			continue;
		for (i = 0; i < n && ids[i] != id; i++)
			;
		if (i == n)
			ids[n++] = id;
	}
	return n;
}

/* The id of the account with this user name, or 0. */
static int64_t
account_id_of(struct db *db, const char *name)
{
	sqlite3_stmt *st;
	int64_t id = 0;

	if ((st = db_prepare(db, "SELECT id FROM accounts "
	    "WHERE name = ?1 COLLATE NOCASE")) == NULL)
		return 0;
	db_bind_text(st, 1, name);
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return id;
}

static bool
name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
}

static int
notice_add(struct db *db, int64_t account_id, enum forum_notice_kind kind,
    int64_t actor_id, int64_t post_id, const char *detail)
{
	sqlite3_stmt *st;

	st = db_prepare(db, "INSERT INTO notices (account_id, kind, actor_id, "
	    "post_id, at, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, account_id);
	sqlite3_bind_int(st, 2, kind);
	sqlite3_bind_int64(st, 3, actor_id);
	sqlite3_bind_int64(st, 4, post_id);
	sqlite3_bind_int64(st, 5, db_now());
	db_bind_text(st, 6, detail);
	return db_step_done(st) == SQLITE_DONE ? 0 : -1;
}
