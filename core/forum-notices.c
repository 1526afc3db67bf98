/* The forums' notifications, written to the one inbox (core/inbox.h):
 * replies in threads a user started or replied to, mentions of @username,
 * and a post of theirs hidden; and the kinds the forums domain registers
 * for them. Each is about the post ("post" and its id) and carries the
 * thread's title (and a moderator's reason). */
#include "core/forum-internal.h"
#include "core/inbox.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define MENTIONS_MAX	10	/* per post; more are ignored */

static int	mentions(struct db *, const char *, int64_t, int64_t *, int);
static bool	name_char(char);
static int64_t	account_id_of(struct db *, const char *);
static int	notice_add(struct db *, int64_t, const char *, int64_t,
		    int64_t, const char *, const char *);

const struct inbox_kind forum_inbox_kinds[] = {
	{ "forum.reply", "notices.reply", { "actor", "title", NULL } },
	{ "forum.mention", "notices.mention", { "actor", "title", NULL } },
	{ "forum.hidden", "notices.hidden", { "title", "reason", NULL } },
	{ "forum.hidden_auto", "notices.hidden_auto", { "title", NULL } },
	{ NULL, NULL, { NULL } },
};

/* The title of a post's thread, copied to buf ("" when none). */
static const char *
post_title(struct db *db, int64_t post_id, char *buf, size_t bufsz)
{
	sqlite3_stmt *st;

	buf[0] = '\0';
	if ((st = db_prepare(db, "SELECT t.title FROM posts p JOIN threads t "
	    "ON t.id = p.thread_id WHERE p.id = ?1")) == NULL)
		return buf;
	sqlite3_bind_int64(st, 1, post_id);
	if (sqlite3_step(st) == SQLITE_ROW)
		db_column_copy(st, 0, buf, bufsz);
	sqlite3_finalize(st);
	return buf;
}

int
forum_notify(struct db *db, int64_t author_id, int64_t thread_id,
    int64_t post_id, const char *body, bool reply)
{
	int64_t ids[MENTIONS_MAX], who;
	char title[FORUM_TITLE_SZ];
	sqlite3_stmt *st;
	int n, i, rc;

	post_title(db, post_id, title, sizeof title);
	n = mentions(db, body, author_id, ids, MENTIONS_MAX);
	for (i = 0; i < n; i++) {
		if (notice_add(db, ids[i], "forum.mention", author_id,
		    post_id, title, "") != 0)
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
			if (i == n && notice_add(db, who, "forum.reply",
			    author_id, post_id, title, "") != 0)
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
forum_post_place(struct db *db, int64_t post_id, int64_t *thread_id,
    int64_t *seq)
{
	struct forum_post_row r;

	if (forum_load_post(db, post_id, &r) != 0)
		return -1;
	*thread_id = r.thread_id;
	*seq = r.seq;
	return 0;
}

int
forum_notify_hidden(struct db *db, int64_t post_id, int64_t actor_id,
    const char *reason)
{
	int64_t author = db_scalar(db, "SELECT author_id FROM posts "
	    "WHERE id = ?1", post_id, 0, 0);
	char title[FORUM_TITLE_SZ];

	if (author == 0 || author == actor_id)
		return 0;
	post_title(db, post_id, title, sizeof title);
	return notice_add(db, author, actor_id == 0 && reason[0] == '\0' ?
	    "forum.hidden_auto" : "forum.hidden", actor_id, post_id, title,
	    reason);
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
notice_add(struct db *db, int64_t account_id, const char *kind,
    int64_t actor_id, int64_t post_id, const char *title, const char *reason)
{
	const struct inbox_arg args[] = {
		{ "title", title },
		{ "reason", reason },
	};

	return inbox_add(db, account_id, kind, "post", post_id, actor_id,
	    args, reason[0] != '\0' ? 2 : 1);
}
