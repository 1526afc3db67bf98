/* Unread tracking (one read mark per user and thread: the highest seq
 * read) and follows (every board is followed unless muted). */
#include "core/forum-internal.h"

static const char *mark_reads(struct db *, const struct actor *,
		    const char *, int64_t, int64_t);

const char *
forum_mark_read(struct db *db, const struct actor *v,
    int64_t thread_id, int64_t seq)
{
	/* A first mark never falls below the horizon: reading the start of
	 * an old thread must not make it unread. */
	return mark_reads(db, v, "INSERT INTO thread_reads (account_id, "
	    "thread_id, read_seq) SELECT ?1, id, CASE WHEN last_post_at < "
	    FORUM_HORIZON " THEN last_seq ELSE min(?3, last_seq) END "
	    "FROM threads WHERE id = ?2 AND true ON CONFLICT DO UPDATE SET "
	    "read_seq = max(read_seq, excluded.read_seq)", thread_id, seq);
}

const char *
forum_mark_board_read(struct db *db, const struct actor *v,
    int64_t board_id)
{
	/* "WHERE true" keeps the parser from taking ON for a join. */
	return mark_reads(db, v, "INSERT INTO thread_reads (account_id, "
	    "thread_id, read_seq) SELECT ?1, id, last_seq FROM threads "
	    "WHERE board_id = ?2 AND true ON CONFLICT DO UPDATE SET "
	    "read_seq = max(read_seq, excluded.read_seq)", board_id, 0);
}

int64_t
forum_new_posts(struct db *db, const struct actor *v)
{
	int64_t total, seen, old, h;

	if (v->account_id == 0)
		return 0;
	total = db_scalar(db, "SELECT coalesce(sum(post_total), 0) "
	    "FROM boards b WHERE NOT EXISTS (SELECT 1 FROM board_mutes m "
	    "WHERE m.account_id = ?1 AND m.board_id = b.id)", v->account_id,
	    0, -1);
	/* Read: every thread under the horizon (old), and the marks, less
	 * what old counted for the marked ones, as their mark decides. Each
	 * side reads only its own rows; CROSS JOIN keeps the loops on the
	 * marks and on the boards. */
	h = forum_horizon(db, v);
	seen = db_scalar(db, "SELECT coalesce(sum(CASE WHEN t.last_post_at "
	    "< ?2 THEN min(r.read_seq - t.last_seq, 0) ELSE min(r.read_seq, "
	    "t.last_seq) END), 0) FROM thread_reads r CROSS JOIN threads t "
	    "ON t.id = r.thread_id WHERE r.account_id = ?1 AND t.hidden = 0 "
	    "AND NOT EXISTS (SELECT 1 FROM board_mutes m "
	    "WHERE m.account_id = ?1 AND m.board_id = t.board_id)",
	    v->account_id, h, INT64_MIN);
	old = db_scalar(db, "SELECT coalesce(sum(t.last_seq), 0) "
	    "FROM boards b CROSS JOIN threads t ON t.board_id = b.id "
	    "AND t.hidden = 0 AND t.last_post_at < ?2 "
	    "WHERE NOT EXISTS (SELECT 1 FROM board_mutes m "
	    "WHERE m.account_id = ?1 AND m.board_id = b.id)",
	    v->account_id, h, -1);
	if (total < 0 || seen == INT64_MIN || old < 0)
		return -1;
	return total - seen - old;
}

int64_t
forum_horizon(struct db *db, const struct actor *v)
{
	return db_scalar(db, "SELECT created FROM accounts WHERE id = ?1",
	    v->account_id, 0, -1);
}

const char *
forum_board_mute(struct db *db, const struct actor *v,
    int64_t board_id, bool muted)
{
	int rc;

	if (v->account_id == 0)
		return "error.forum.guest";
	if (db_scalar(db, "SELECT 1 FROM boards WHERE id = ?1", board_id,
	    0, 0) != 1)
		return "error.forum.not_found";
	if (muted)
		rc = db_exec_ints(db, "INSERT OR IGNORE INTO board_mutes "
		    "(account_id, board_id) VALUES (?1, ?2)", v->account_id,
		    board_id, 0);
	else
		rc = db_exec_ints(db, "DELETE FROM board_mutes WHERE "
		    "account_id = ?1 AND board_id = ?2", v->account_id,
		    board_id, 0);
	return rc == 0 ? NULL : "error.internal";
}

/* Raises the viewer's read marks with sql (?1 the viewer, ?2 a, ?3 b) in
 * a transaction; guests keep no marks. NULL or "error.internal". */
static const char *
mark_reads(struct db *db, const struct actor *v, const char *sql,
    int64_t a, int64_t b)
{
	if (v->account_id == 0)
		return NULL;
	if (db_begin(db) != 0)
		return "error.internal";
	return db_tx_end(db, db_exec_ints(db, sql, v->account_id, a, b) != 0 ?
	    "error.internal" : NULL);
}
