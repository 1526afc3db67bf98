/* Boards: the list with each viewer's counts, and their management by
 * admins (add, edit, remove, reorder, board moderators). */
#include "core/forum-internal.h"
#include "common/xalloc.h"
#include "i18n/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void	board_from_row(sqlite3_stmt *, struct forum_board *);
static int	board_counts(struct db *, const struct actor *,
		    struct forum_board *, size_t);
static bool	board_exists(struct db *, int64_t);
static const char *admin_begin(struct db *, const struct actor *);
static const char *board_begin(struct db *, const struct actor *,
		    const char *, const char *, const char *, char **, char **);

#define BOARD_COLUMNS \
	"b.id, b.title, b.description, b.position, b.lang, b.thread_count, " \
	"b.post_total, EXISTS (SELECT 1 FROM board_mutes m WHERE " \
	"m.account_id = ?1 AND m.board_id = b.id)"

int
forum_boards(struct db *db, const struct actor *v,
    struct forum_board_list *out)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	memset(out, 0, sizeof *out);
	st = db_prepare(db, "SELECT " BOARD_COLUMNS " FROM boards b "
	    "ORDER BY b.position, b.id");
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, v->account_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->n == cap) {
			cap = cap ? cap * 2 : 16;
			out->v = xrealloc(out->v, cap * sizeof *out->v);
		}
		board_from_row(st, &out->v[out->n++]);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE || board_counts(db, v, out->v, out->n) != 0) {
		forum_board_list_free(out);
		return -1;
	}
	return 0;
}

void
forum_board_list_free(struct forum_board_list *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}

int
forum_board_get(struct db *db, const struct actor *v, int64_t id,
    struct forum_board *out)
{
	sqlite3_stmt *st;
	int rc;

	st = db_prepare(db, "SELECT " BOARD_COLUMNS " FROM boards b "
	    "WHERE b.id = ?2");
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, v->account_id);
	sqlite3_bind_int64(st, 2, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		board_from_row(st, out);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return -1;
	return board_counts(db, v, out, 1);
}

const char *
forum_board_add(struct db *db, const struct actor *v,
    const char *title, const char *description, const char *lang,
    int64_t *id_out)
{
	const char *err;
	char *t, *d;
	sqlite3_stmt *st;
	int64_t id = 0;

	if (lang == NULL)
		lang = "";
	/* A new board needs a title: "" is refused as too short. */
	if ((err = board_begin(db, v, title != NULL ? title : "", description,
	    lang, &t, &d)) != NULL)
		return err;
	st = db_prepare(db, "INSERT INTO boards (title, description, position, "
	    "lang) VALUES (?1, ?2, (SELECT coalesce(max(position), 0) + 1 "
	    "FROM boards), ?3)");
	if (st != NULL) {
		db_bind_text(st, 1, t);
		db_bind_text(st, 2, d != NULL ? d : "");
		db_bind_text(st, 3, lang);
		if (db_step_done(st) == SQLITE_DONE)
			id = sqlite3_last_insert_rowid(db->h);
	}
	if (id != 0)
		err = db_audit(db, v, "board", id, "board.add", t);
	else
		err = "error.internal";
	free(t);
	free(d);
	if ((err = db_tx_end(db, err)) != NULL)
		return err;
	if (id_out != NULL)
		*id_out = id;
	return NULL;
}

const char *
forum_board_edit(struct db *db, const struct actor *v, int64_t id,
    const char *title, const char *description, const char *lang)
{
	const char *err;
	char *t, *d;
	sqlite3_stmt *st;
	int rc = SQLITE_ERROR;

	if ((err = board_begin(db, v, title, description, lang, &t,
	    &d)) != NULL)
		return err;
	st = db_prepare(db, "UPDATE boards SET title = coalesce(?2, title), "
	    "description = coalesce(?3, description), "
	    "lang = coalesce(?4, lang) WHERE id = ?1");
	if (st != NULL) {
		sqlite3_bind_int64(st, 1, id);
		db_bind_text(st, 2, t);
		db_bind_text(st, 3, d != NULL ? d :
		    description != NULL ? "" : NULL);
		db_bind_text(st, 4, lang);
		rc = db_step_done(st);
	}
	free(t);
	free(d);
	if (rc != SQLITE_DONE)
		err = "error.internal";
	else if (sqlite3_changes(db->h) == 0)
		err = "error.forum.not_found";
	else
		err = db_audit(db, v, "board", id, "board.edit", "");
	return db_tx_end(db, err);
}

const char *
forum_board_remove(struct db *db, const struct actor *v, int64_t id)
{
	const char *err;
	int64_t pos;

	if ((err = admin_begin(db, v)) != NULL)
		return err;
	pos = db_scalar(db, "SELECT position FROM boards WHERE id = ?1",
	    id, 0, -1);
	if (pos < 0)
		err = "error.forum.not_found";
	else if (db_scalar(db, "SELECT count(*) FROM threads "
	    "WHERE board_id = ?1", id, 0, -1) != 0)
		err = "error.forum.board_not_empty";
	else if (db_exec_ints(db, "DELETE FROM boards WHERE id = ?1", id, 0,
	    0) != 0 || db_exec_ints(db, "UPDATE boards SET position = "
	    "position - 1 WHERE position > ?1", pos, 0, 0) != 0)
		err = "error.internal";
	else
		err = db_audit(db, v, "board", id, "board.remove", "");
	return db_tx_end(db, err);
}

const char *
forum_board_move(struct db *db, const struct actor *v, int64_t id,
    int position)
{
	const char *err;
	int64_t from, n;
	char detail[32];

	if ((err = admin_begin(db, v)) != NULL)
		return err;
	from = db_scalar(db, "SELECT position FROM boards WHERE id = ?1",
	    id, 0, -1);
	n = db_scalar(db, "SELECT count(*) FROM boards", 0, 0, 0);
	if (position < 1)
		position = 1;
	if (position > n)
		position = (int)n;
	if (from < 0)
		err = "error.forum.not_found";
	else if (db_exec_ints(db, "UPDATE boards SET position = CASE "
	    "WHEN id = ?1 THEN ?3 "
	    "WHEN ?2 < ?3 AND position > ?2 AND position <= ?3 "
	    "THEN position - 1 "
	    "WHEN ?2 > ?3 AND position >= ?3 AND position < ?2 "
	    "THEN position + 1 ELSE position END", id, from, position) != 0)
		err = "error.internal";
	else {
		snprintf(detail, sizeof detail, "%d", position);
		err = db_audit(db, v, "board", id, "board.move", detail);
	}
	return db_tx_end(db, err);
}

const char *
forum_board_moderator_add(struct db *db, const struct actor *v,
    int64_t board_id, int64_t account_id)
{
	const char *err;
	char detail[32];

	if ((err = admin_begin(db, v)) != NULL)
		return err;
	snprintf(detail, sizeof detail, "account %lld", (long long)account_id);
	if (!board_exists(db, board_id) || db_scalar(db, "SELECT 1 FROM "
	    "accounts WHERE id = ?1", account_id, 0, 0) != 1)
		err = "error.forum.not_found";
	else if (db_exec_ints(db, "INSERT OR IGNORE INTO board_moderators "
	    "(board_id, account_id) VALUES (?1, ?2)", board_id, account_id,
	    0) != 0)
		err = "error.internal";
	else
		err = db_audit(db, v, "board", board_id,
		    "board.moderator_add", detail);
	return db_tx_end(db, err);
}

const char *
forum_board_moderator_remove(struct db *db, const struct actor *v,
    int64_t board_id, int64_t account_id)
{
	const char *err;
	char detail[32];

	if ((err = admin_begin(db, v)) != NULL)
		return err;
	snprintf(detail, sizeof detail, "account %lld", (long long)account_id);
	if (db_exec_ints(db, "DELETE FROM board_moderators WHERE board_id = ?1 "
	    "AND account_id = ?2", board_id, account_id, 0) != 0)
		err = "error.internal";
	else if (sqlite3_changes(db->h) == 0)
		err = "error.forum.not_found";
	else
		err = db_audit(db, v, "board", board_id,
		    "board.moderator_remove", detail);
	return db_tx_end(db, err);
}

int
forum_board_moderators(struct db *db, int64_t board_id,
    struct forum_person_list *out)
{
	struct forum_person *p;
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	memset(out, 0, sizeof *out);
	st = db_prepare(db, "SELECT a.id, a.name, a.display FROM "
	    "board_moderators m JOIN accounts a ON a.id = m.account_id "
	    "WHERE m.board_id = ?1 ORDER BY a.name");
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, board_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->n == cap) {
			cap = cap ? cap * 2 : 8;
			out->v = xrealloc(out->v, cap * sizeof *out->v);
		}
		p = &out->v[out->n++];
		p->id = sqlite3_column_int64(st, 0);
		db_column_copy(st, 1, p->name, sizeof p->name);
		db_column_copy(st, 2, p->display, sizeof p->display);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		forum_person_list_free(out);
		return -1;
	}
	return 0;
}

void
forum_person_list_free(struct forum_person_list *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}

/* Fills a board from a row of BOARD_COLUMNS; new_posts holds post_total
 * until board_counts subtracts the viewer's reads. */
static void
board_from_row(sqlite3_stmt *st, struct forum_board *b)
{
	memset(b, 0, sizeof *b);
	b->id = sqlite3_column_int64(st, 0);
	db_column_copy(st, 1, b->title, sizeof b->title);
	db_column_copy(st, 2, b->description, sizeof b->description);
	b->position = sqlite3_column_int(st, 3);
	db_column_copy(st, 4, b->lang, sizeof b->lang);
	b->threads = sqlite3_column_int64(st, 5);
	b->unread_threads = b->threads;
	b->new_posts = sqlite3_column_int64(st, 6);
	b->muted = sqlite3_column_int(st, 7) != 0;
}

/* Turns the boards' totals into the viewer's unread counts: the threads
 * and posts the viewer has read are subtracted, reading only the viewer's
 * own read marks and the threads under the viewer's horizon (not every
 * thread); a mark wins over the horizon. Guests have nothing unread. */
static int
board_counts(struct db *db, const struct actor *v,
    struct forum_board *b, size_t n)
{
	sqlite3_stmt *st;
	int64_t board, done, seen, horizon;
	size_t i;
	int rc;

	if (v->account_id == 0) {
		for (i = 0; i < n; i++)
			b[i].unread_threads = b[i].new_posts = 0;
		return 0;
	}
	/* The second part counts every thread under the horizon (?2) as
	 * read; the first adds the marks, less what the second counted for
	 * the marked ones, as their mark decides. CROSS JOIN keeps the loops
	 * on the viewer's marks and on the boards. */
	horizon = forum_horizon(db, v);
	st = db_prepare(db, "SELECT t.board_id, sum(CASE WHEN t.last_post_at "
	    "< ?2 THEN -(r.read_seq < t.last_seq) ELSE r.read_seq >= "
	    "t.last_seq END), sum(CASE WHEN t.last_post_at < ?2 THEN "
	    "min(r.read_seq - t.last_seq, 0) ELSE min(r.read_seq, t.last_seq) "
	    "END) FROM thread_reads r CROSS JOIN threads t "
	    "ON t.id = r.thread_id WHERE r.account_id = ?1 AND t.hidden = 0 "
	    "GROUP BY t.board_id UNION ALL SELECT b.id, count(*), "
	    "sum(t.last_seq) FROM boards b CROSS JOIN threads t "
	    "ON t.board_id = b.id AND t.hidden = 0 AND t.last_post_at < ?2 "
	    "GROUP BY b.id");
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, v->account_id);
	sqlite3_bind_int64(st, 2, horizon);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		board = sqlite3_column_int64(st, 0);
		done = sqlite3_column_int64(st, 1);
		seen = sqlite3_column_int64(st, 2);
		for (i = 0; i < n; i++) {
			if (b[i].id != board)
				continue;
			b[i].unread_threads -= done;
			b[i].new_posts -= seen;
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static bool
board_exists(struct db *db, int64_t id)
{
	return db_scalar(db, "SELECT 1 FROM boards WHERE id = ?1", id, 0,
	    0) == 1;
}

/* Opens the transaction of an admin's board change: NULL, or why not. */
static const char *
admin_begin(struct db *db, const struct actor *v)
{
	if (v->role != ROLE_ADMIN)
		return "error.forum.not_allowed";
	if (db_begin(db) != 0)
		return "error.internal";
	return NULL;
}

/* Checks an admin's board text and opens the transaction: NULL with the
 * clean title and description (NULL when not given, to be freed), or why
 * not, with nothing to free. */
static const char *
board_begin(struct db *db, const struct actor *v, const char *title,
    const char *description, const char *lang, char **t, char **d)
{
	const char *err = NULL;

	*t = *d = NULL;
	if (v->role != ROLE_ADMIN)
		return "error.forum.not_allowed";
	if (lang != NULL && *lang != '\0' && !i18n_lang_valid(lang))
		return "error.lang.unknown";
	if (title != NULL && (*t = forum_clean_line(title, FORUM_TITLE_MAX,
	    "error.forum.title_length", &err)) == NULL)
		return err;
	if (description != NULL && *description != '\0' &&
	    (*d = forum_clean_line(description, FORUM_DESC_MAX,
	    "error.forum.description_length", &err)) == NULL) {
		free(*t);
		return err;
	}
	return db_tx_begin(db, *t, *d);
}
