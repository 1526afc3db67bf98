/* The forums' shared rules: who is a guest, who may moderate a board, who
 * may post now (suspension, flood limit), and how user text is checked. */
#include "core/forum-internal.h"
#include "common/xalloc.h"
#include "core/audit.h"
#include "core/sanitize.h"
#include "i18n/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Input beyond this many bytes is refused before sanitising it. */
#define BODY_BYTES_MAX	(FORUM_BODY_MAX * 4 * 2)

static bool	blank(const char *);

const char *
forum_lang(const struct actor *v)
{
	if (v->lang != NULL && i18n_lang_valid(v->lang))
		return v->lang;
	return "lt";
}

int
forum_load_post(struct db *db, int64_t id, struct forum_post_row *out)
{
	sqlite3_stmt *st;
	int rc;

	st = db_prepare(db, "SELECT p.id, p.thread_id, t.board_id, "
	    "p.author_id, p.seq, p.hidden, p.deleted, t.hidden, t.locked "
	    "FROM posts p JOIN threads t ON t.id = p.thread_id "
	    "WHERE p.id = ?1");
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		out->id = sqlite3_column_int64(st, 0);
		out->thread_id = sqlite3_column_int64(st, 1);
		out->board_id = sqlite3_column_int64(st, 2);
		out->author_id = sqlite3_column_int64(st, 3);
		out->seq = sqlite3_column_int64(st, 4);
		out->hidden = sqlite3_column_int(st, 5);
		out->deleted = sqlite3_column_int(st, 6) != 0;
		out->thread_hidden = sqlite3_column_int(st, 7) != 0;
		out->locked = sqlite3_column_int(st, 8) != 0;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

int
forum_load_thread(struct db *db, int64_t id, struct forum_thread_row *out)
{
	sqlite3_stmt *st;
	int rc;

	st = db_prepare(db, "SELECT id, board_id, author_id, last_seq, "
	    "pinned, locked, hidden FROM threads WHERE id = ?1");
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		out->id = sqlite3_column_int64(st, 0);
		out->board_id = sqlite3_column_int64(st, 1);
		out->author_id = sqlite3_column_int64(st, 2);
		out->last_seq = sqlite3_column_int64(st, 3);
		out->pinned = sqlite3_column_int(st, 4) != 0;
		out->locked = sqlite3_column_int(st, 5) != 0;
		out->hidden = sqlite3_column_int(st, 6) != 0;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

const char *
forum_may_post(struct db *db, const struct actor *v)
{
	int64_t now = db_now(), n;

	if (v->account_id == 0)
		return "error.forum.guest";
	n = db_scalar(db, "SELECT suspended_until FROM accounts "
	    "WHERE id = ?1", v->account_id, 0, -1);
	if (n < 0)
		return "error.forum.guest";
	if (n > now)
		return "error.forum.suspended";
	if (v->posts_per_minute <= 0 || v->role >= ROLE_MODERATOR)
		return NULL;
	n = db_scalar(db, "SELECT count(*) FROM posts WHERE author_id = ?1 "
	    "AND created > ?2", v->account_id, now - 60, 0);
	return n >= v->posts_per_minute ? "error.forum.flood" : NULL;
}

const char *
forum_may_edit(struct db *db, const struct actor *v)
{
	int64_t n;

	if (v->posts_per_minute <= 0 || v->role >= ROLE_MODERATOR)
		return NULL;
	n = db_scalar(db, "SELECT count(*) FROM post_edits WHERE "
	    "editor_id = ?1 AND at > ?2", v->account_id, db_now() - 60, 0);
	return n >= v->posts_per_minute ? "error.forum.edit_flood" : NULL;
}

char *
forum_clean_line(const char *s, size_t max, const char *key, const char **err)
{
	char *c;
	size_t n;

	if (s == NULL || strlen(s) > max * 4 * 2) {
		*err = key;
		return NULL;
	}
	c = sanitize(s, strlen(s), SANITIZE_LINE, 0, 0);
	n = utf8_count(c);
	if (n == 0 || n > max) {
		free(c);
		*err = key;
		return NULL;
	}
	return c;
}

char *
forum_clean_body(const char *s, const char **err)
{
	char *c;

	*err = "error.forum.body_length";
	if (s == NULL || strlen(s) > BODY_BYTES_MAX)
		return NULL;
	c = sanitize(s, strlen(s), SANITIZE_BODY, 0, 0);
	if (blank(c) || utf8_count(c) > FORUM_BODY_MAX) {
		free(c);
		return NULL;
	}
	*err = NULL;
	return c;
}

char *
forum_clean_reason(const char *reason, const char **err)
{
	*err = NULL;
	if (reason == NULL || reason[strspn(reason, " \t")] == '\0')
		return xstrdup("");
	return forum_clean_line(reason, FORUM_REASON_MAX,
	    "error.forum.reason_length", err);
}

const char *
forum_check_lang(const struct actor *v, const char *lang)
{
	if (lang == NULL || *lang == '\0')
		return forum_lang(v);
	return i18n_lang_valid(lang) ? lang : NULL;
}

struct core_error
forum_text_error(const char *key)
{
	if (key == NULL)
		return CORE_OK;
	if (strcmp(key, "error.forum.title_length") == 0)
		return CORE_ERR_ARG(key, "title", FORUM_TITLE_MAX);
	if (strcmp(key, "error.forum.body_length") == 0)
		return CORE_ERR_ARG(key, "body", FORUM_BODY_MAX);
	if (strcmp(key, "error.lang.unknown") == 0)
		return CORE_ERR(key, "lang");
	return CORE_ERR(key, NULL);
}

/* True when s holds nothing but spaces, tabs and newlines. */
static bool
blank(const char *s)
{
	return s[strspn(s, " \t\n")] == '\0';
}
