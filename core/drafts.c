/* Drafts, one row per account and place. Text is sanitised on the way in
 * and cut at the forums' limits, like everything stored. */
#include "core/drafts.h"
#include "common/xalloc.h"
#include "core/db-internal.h"
#include "core/forums.h"
#include "core/sanitize.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

/* Input beyond this many bytes is cut before sanitising it. */
#define DRAFT_BYTES_MAX	(FORUM_BODY_MAX * 4 * 2)

static int	exec2(struct db *, const char *, int64_t, int64_t);
static void	cut(char *, size_t);

int
draft_save(struct db *db, int64_t account_id, enum draft_kind kind,
    int64_t place_id, const char *title, const char *body, const char *lang)
{
	sqlite3_stmt *st;
	char *t, *b;
	size_t tn, bn;
	int rc = -1;

	assert(account_id > 0);
	if (title == NULL)
		title = "";
	if (body == NULL)
		body = "";
	tn = strnlen(title, FORUM_TITLE_SZ * 2);
	bn = strnlen(body, DRAFT_BYTES_MAX);
	t = sanitize(title, tn, SANITIZE_LINE, FORUM_TITLE_MAX, 0);
	b = sanitize(body, bn, SANITIZE_BODY, 0, 0);
	cut(b, FORUM_BODY_MAX);
	if (t[strspn(t, " ")] == '\0' && b[strspn(b, " \t\n")] == '\0') {
		free(t);
		free(b);
		return draft_delete(db, account_id, kind, place_id);
	}
	if (db_begin(db) != 0)
		goto out;
	/* Not for an erased account (pwhash '!'): a session of it still open
	 * elsewhere keeps what is being written as it ends, and that would
	 * bring back what the erasure removed. */
	st = db_prepare(db, "INSERT INTO drafts (account_id, kind, place_id, "
	    "title, body, lang, updated) SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7 "
	    "WHERE EXISTS (SELECT 1 FROM accounts WHERE id = ?1 AND "
	    "pwhash != '!') "
	    "ON CONFLICT (account_id, kind, place_id) DO UPDATE SET "
	    "title = ?4, body = ?5, lang = ?6, updated = ?7");
	if (st == NULL) {
		db_rollback(db);
		goto out;
	}
	sqlite3_bind_int64(st, 1, account_id);
	sqlite3_bind_int(st, 2, (int)kind);
	sqlite3_bind_int64(st, 3, place_id);
	db_bind_text(st, 4, t);
	db_bind_text(st, 5, b);
	db_bind_text(st, 6, lang != NULL && strlen(lang) < 8 ? lang : "");
	sqlite3_bind_int64(st, 7, db_now());
	/* Old drafts and those beyond DRAFT_MAX go as a new one comes. */
	if (db_step_done(st) != SQLITE_DONE ||
	    exec2(db, "DELETE FROM drafts WHERE account_id = ?1 AND "
	    "updated < ?2", account_id, db_now() - DRAFT_MAX_AGE) != 0 ||
	    exec2(db, "DELETE FROM drafts WHERE account_id = ?1 AND rowid NOT "
	    "IN (SELECT rowid FROM drafts WHERE account_id = ?1 ORDER BY "
	    "updated DESC, rowid DESC LIMIT ?2)", account_id, DRAFT_MAX) != 0) {
		db_rollback(db);
		goto out;
	}
	rc = db_commit(db);
out:
	free(t);
	free(b);
	return rc;
}

int
draft_get(struct db *db, int64_t account_id, enum draft_kind kind,
    int64_t place_id, struct draft *out)
{
	sqlite3_stmt *st;
	int rc;

	memset(out, 0, sizeof *out);
	st = db_prepare(db, "SELECT title, body, lang, updated FROM drafts "
	    "WHERE account_id = ?1 AND kind = ?2 AND place_id = ?3 AND "
	    "updated >= ?4");
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, account_id);
	sqlite3_bind_int(st, 2, (int)kind);
	sqlite3_bind_int64(st, 3, place_id);
	sqlite3_bind_int64(st, 4, db_now() - DRAFT_MAX_AGE);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		out->title = xstrdup((const char *)sqlite3_column_text(st, 0));
		out->body = xstrdup((const char *)sqlite3_column_text(st, 1));
		db_column_copy(st, 2, out->lang, sizeof out->lang);
		out->updated = sqlite3_column_int64(st, 3);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1;
}

int
draft_delete(struct db *db, int64_t account_id, enum draft_kind kind,
    int64_t place_id)
{
	sqlite3_stmt *st;

	st = db_prepare(db, "DELETE FROM drafts WHERE account_id = ?1 AND "
	    "kind = ?2 AND place_id = ?3");
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, account_id);
	sqlite3_bind_int(st, 2, (int)kind);
	sqlite3_bind_int64(st, 3, place_id);
	return db_step_done(st) == SQLITE_DONE ? 0 : -1;
}

void
draft_clear(struct draft *d)
{
	free(d->title);
	free(d->body);
	memset(d, 0, sizeof *d);
}

static int
exec2(struct db *db, const char *sql, int64_t a, int64_t b)
{
	sqlite3_stmt *st;

	if ((st = db_prepare(db, sql)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, a);
	sqlite3_bind_int64(st, 2, b);
	return db_step_done(st) == SQLITE_DONE ? 0 : -1;
}

/* Cuts s after max code points. */
static void
cut(char *s, size_t max)
{
	size_t n = 0;
	char *p;

	for (p = s; *p != '\0'; p++)
		if (((unsigned char)*p & 0xc0) != 0x80 && n++ == max) {
			*p = '\0';
			return;
		}
}
