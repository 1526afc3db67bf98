/* Keeps the search index (post_fts) in step with the posts: it holds the
 * folded text of every post a member may find, and nothing else, so a
 * search never filters hidden or deleted posts after the fact. */
#include "core/forum-internal.h"
#include "i18n/i18n.h"

#include <stdio.h>
#include <stdlib.h>

static int	add_terms(struct db *, const char *);

int
forum_index_post(struct db *db, int64_t post_id)
{
	char tags[96], *title, *body;
	sqlite3_stmt *st;
	int rc;

	if (db_exec_ints(db, "DELETE FROM post_fts WHERE rowid = ?1", post_id,
	    0, 0) != 0)
		return -1;
	st = db_prepare(db, "SELECT CASE p.seq WHEN 1 THEN t.title ELSE '' "
	    "END, p.body, t.board_id, p.author_id, p.lang FROM posts p "
	    "JOIN threads t ON t.id = p.thread_id WHERE p.id = ?1 "
	    "AND p.hidden = 0 AND p.deleted = 0 AND t.hidden = 0");
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, post_id);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return rc == SQLITE_DONE ? 0 : -1;	/* not to be found */
	}
	title = i18n_fold((const char *)sqlite3_column_text(st, 0));
	body = i18n_fold((const char *)sqlite3_column_text(st, 1));
	snprintf(tags, sizeof tags, "b%lld a%lld l%s",
	    (long long)sqlite3_column_int64(st, 2),
	    (long long)sqlite3_column_int64(st, 3),
	    (const char *)sqlite3_column_text(st, 4));
	sqlite3_finalize(st);
	st = db_prepare(db, "INSERT INTO post_fts (rowid, title, body, tags) "
	    "VALUES (?1, ?2, ?3, ?4)");
	rc = SQLITE_ERROR;
	if (st != NULL) {
		sqlite3_bind_int64(st, 1, post_id);
		db_bind_text(st, 2, title);
		db_bind_text(st, 3, body);
		db_bind_text(st, 4, tags);
		rc = db_step_done(st);
	}
	if (rc == SQLITE_DONE && (add_terms(db, title) != 0 ||
	    add_terms(db, body) != 0))
		rc = SQLITE_ERROR;
	free(title);
	free(body);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Adds the words of folded text to search_terms (forum-search.c turns a
 * prefix into the words it begins). 0 or -1. */
static int
add_terms(struct db *db, const char *folded)
{
	sqlite3_stmt *st;
	size_t off = 0, start, len;
	int rc = SQLITE_DONE;

	st = db_prepare(db, "INSERT OR IGNORE INTO search_terms (term) "
	    "VALUES (?1)");
	if (st == NULL)
		return -1;
	while (rc == SQLITE_DONE &&
	    (len = i18n_next_word(folded, off, &start)) != 0) {
		sqlite3_bind_text(st, 1, folded + start, (int)len,
		    SQLITE_STATIC);
		rc = sqlite3_step(st);
		sqlite3_reset(st);
		off = start + len;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
forum_index_thread(struct db *db, int64_t thread_id)
{
	sqlite3_stmt *st;
	int rc;

	st = db_prepare(db, "SELECT id FROM posts WHERE thread_id = ?1");
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, thread_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (forum_index_post(db, sqlite3_column_int64(st, 0)) != 0)
			break;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}
