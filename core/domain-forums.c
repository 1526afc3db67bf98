/* The forums domain: boards, threads, posts, reports and the
 * search index; its part of an export and of an erasure. Its demo content
 * is in domain-forums-demo.c. */
#include "core/domain.h"
#include "core/db-internal.h"
#include "core/demo.h"
#include "core/export-json.h"
#include "core/forums.h"

#include <stdint.h>

static const char *const forums_migrations[] = {
	/* 1: the forums. boards.thread_count and post_total (the sum of
	 * last_seq) cover the threads that are not hidden and are kept by
	 * triggers, so a user's unread counts need only that user's read
	 * marks. post_fts holds folded text (i18n_fold) of visible posts
	 * only; rowid is the post id, tags carry "b<board> a<author>
	 * l<lang>" for filters. */
	"CREATE TABLE boards ("
	"  id           INTEGER PRIMARY KEY,"
	"  title        TEXT NOT NULL,"
	"  description  TEXT NOT NULL DEFAULT '',"
	"  position     INTEGER NOT NULL,"
	"  lang         TEXT NOT NULL DEFAULT '',"
	"  thread_count INTEGER NOT NULL DEFAULT 0,"
	"  post_total   INTEGER NOT NULL DEFAULT 0"
	");"
	"CREATE TABLE board_moderators ("
	"  board_id   INTEGER NOT NULL REFERENCES boards(id) ON DELETE CASCADE,"
	"  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,"
	"  PRIMARY KEY (board_id, account_id)"
	") WITHOUT ROWID;"
	"CREATE INDEX board_moderators_account ON board_moderators(account_id);"
	"CREATE TABLE board_mutes ("
	"  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,"
	"  board_id   INTEGER NOT NULL REFERENCES boards(id) ON DELETE CASCADE,"
	"  PRIMARY KEY (account_id, board_id)"
	") WITHOUT ROWID;"
	"CREATE INDEX board_mutes_board ON board_mutes(board_id);"
	"CREATE TABLE threads ("
	"  id           INTEGER PRIMARY KEY,"
	"  board_id     INTEGER NOT NULL REFERENCES boards(id),"
	"  title        TEXT NOT NULL,"
	"  author_id    INTEGER NOT NULL REFERENCES accounts(id),"
	"  created      INTEGER NOT NULL,"
	"  last_post_at INTEGER NOT NULL,"
	"  last_seq     INTEGER NOT NULL DEFAULT 0,"
	"  pinned       INTEGER NOT NULL DEFAULT 0,"
	"  locked       INTEGER NOT NULL DEFAULT 0,"
	"  hidden       INTEGER NOT NULL DEFAULT 0"
	");"
	"CREATE INDEX threads_board ON threads(board_id, pinned DESC,"
	"  last_post_at DESC, id DESC);"
	"CREATE INDEX threads_author ON threads(author_id);"
	/* hidden: 0 shown, 1 by a moderator, 2 by three reports. */
	"CREATE TABLE posts ("
	"  id         INTEGER PRIMARY KEY,"
	"  thread_id  INTEGER NOT NULL REFERENCES threads(id),"
	"  seq        INTEGER NOT NULL,"
	"  author_id  INTEGER NOT NULL REFERENCES accounts(id),"
	"  lang       TEXT NOT NULL,"
	"  body       TEXT NOT NULL,"
	"  created    INTEGER NOT NULL,"
	"  edited_at  INTEGER NOT NULL DEFAULT 0,"
	"  hidden     INTEGER NOT NULL DEFAULT 0 CHECK (hidden BETWEEN 0 AND 2),"
	"  deleted    INTEGER NOT NULL DEFAULT 0"
	");"
	"CREATE UNIQUE INDEX posts_thread_seq ON posts(thread_id, seq);"
	"CREATE INDEX posts_author ON posts(author_id, created);"
	"CREATE TABLE post_edits ("
	"  id        INTEGER PRIMARY KEY,"
	"  post_id   INTEGER NOT NULL REFERENCES posts(id),"
	"  editor_id INTEGER NOT NULL,"
	"  at        INTEGER NOT NULL,"
	"  body      TEXT NOT NULL"
	");"
	"CREATE INDEX post_edits_post ON post_edits(post_id);"
	"CREATE TABLE thread_reads ("
	"  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,"
	"  thread_id  INTEGER NOT NULL REFERENCES threads(id),"
	"  read_seq   INTEGER NOT NULL,"
	"  PRIMARY KEY (account_id, thread_id)"
	") WITHOUT ROWID;"
	"CREATE TABLE thread_participants ("
	"  thread_id  INTEGER NOT NULL REFERENCES threads(id),"
	"  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,"
	"  PRIMARY KEY (thread_id, account_id)"
	") WITHOUT ROWID;"
	/* kind: 0 reply, 1 mention. */
	"CREATE TABLE notices ("
	"  id         INTEGER PRIMARY KEY,"
	"  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,"
	"  kind       INTEGER NOT NULL,"
	"  actor_id   INTEGER NOT NULL,"
	"  post_id    INTEGER NOT NULL,"
	"  at         INTEGER NOT NULL,"
	"  read       INTEGER NOT NULL DEFAULT 0"
	");"
	"CREATE INDEX notices_account ON notices(account_id, id);"
	"CREATE INDEX notices_unread ON notices(account_id) WHERE read = 0;"
	"CREATE TABLE reports ("
	"  id          INTEGER PRIMARY KEY,"
	"  post_id     INTEGER NOT NULL REFERENCES posts(id),"
	"  reporter_id INTEGER NOT NULL REFERENCES accounts(id),"
	"  reason      TEXT NOT NULL,"
	"  at          INTEGER NOT NULL,"
	"  resolved_at INTEGER NOT NULL DEFAULT 0,"
	"  resolved_by INTEGER NOT NULL DEFAULT 0,"
	"  resolution  TEXT NOT NULL DEFAULT ''"
	");"
	"CREATE UNIQUE INDEX reports_once ON reports(post_id, reporter_id);"
	"CREATE INDEX reports_open ON reports(at) WHERE resolved_at = 0;"
	"CREATE VIRTUAL TABLE post_fts USING fts5(title, body, tags,"
	"  tokenize = 'unicode61 remove_diacritics 2');"
	"CREATE TRIGGER threads_count_insert AFTER INSERT ON threads"
	"  WHEN NEW.hidden = 0 BEGIN"
	"  UPDATE boards SET thread_count = thread_count + 1,"
	"    post_total = post_total + NEW.last_seq WHERE id = NEW.board_id;"
	"END;"
	"CREATE TRIGGER threads_count_update"
	"  AFTER UPDATE OF board_id, hidden, last_seq ON threads BEGIN"
	"  UPDATE boards SET thread_count = thread_count - 1,"
	"    post_total = post_total - OLD.last_seq"
	"    WHERE id = OLD.board_id AND OLD.hidden = 0;"
	"  UPDATE boards SET thread_count = thread_count + 1,"
	"    post_total = post_total + NEW.last_seq"
	"    WHERE id = NEW.board_id AND NEW.hidden = 0;"
	"END;"
	"CREATE TRIGGER threads_count_delete AFTER DELETE ON threads"
	"  WHEN OLD.hidden = 0 BEGIN"
	"  UPDATE boards SET thread_count = thread_count - 1,"
	"    post_total = post_total - OLD.last_seq WHERE id = OLD.board_id;"
	"END;",

	/* 2: the read horizon. Threads whose last post is older than an
	 * account count as read for it; this index counts them per board
	 * by range, touching only those threads. */
	"CREATE INDEX threads_horizon ON threads(board_id, hidden,"
	"  last_post_at, last_seq);",

	/* 3: notices get the moderators' reason (kind 2: the reader's post
	 * was hidden). */
	"ALTER TABLE notices ADD COLUMN detail TEXT NOT NULL DEFAULT '';",

	/* 4: i18n_fold now folds Ukrainian ґ to г; post_fts holds folded
	 * (already small) text, so replacing ґ there gives what the new
	 * fold gives. Edits are counted per editor, for their rate limit.
	 * search_terms lists every word the index holds (never pruned: a
	 * word no post has any more finds nothing), so a prefix becomes an
	 * OR of its words, which FTS5 reads newest first and stops early,
	 * where its own prefix query merges all their posts first. */
	"UPDATE post_fts SET title = replace(title, 'ґ', 'г'),"
	"  body = replace(body, 'ґ', 'г')"
	"  WHERE instr(title, 'ґ') > 0 OR instr(body, 'ґ') > 0;"
	"CREATE INDEX post_edits_editor ON post_edits(editor_id, at);"
	"CREATE TABLE search_terms (term TEXT PRIMARY KEY) WITHOUT ROWID;"
	"CREATE VIRTUAL TABLE temp.post_vocab USING fts5vocab(main, post_fts, col);"
	"INSERT OR IGNORE INTO search_terms SELECT term FROM temp.post_vocab"
	"  WHERE col != 'tags';"
	"DROP TABLE temp.post_vocab;",

	/* 5: the metrics (core/metrics-forums.c). A thread keeps when
	 * someone other than its author first answered it (0: no one yet),
	 * by a post that is shown: set as the answer is written, found
	 * again when a reply is hidden, deleted or shown again. A month's
	 * posts and threads still shown are then counted, and its threads'
	 * health read, by a range of these indexes alone. */
	"ALTER TABLE threads ADD COLUMN first_reply_at INTEGER NOT NULL "
	"  DEFAULT 0;"
	"UPDATE threads SET first_reply_at = coalesce((SELECT p.created "
	"  FROM posts p WHERE p.thread_id = threads.id AND p.seq > 1"
	"  AND p.author_id != threads.author_id AND p.hidden = 0"
	"  AND p.deleted = 0 ORDER BY p.seq LIMIT 1), 0);"
	"CREATE TRIGGER threads_first_reply AFTER INSERT ON posts"
	"  WHEN NEW.seq > 1 AND NEW.hidden = 0 AND NEW.deleted = 0 BEGIN"
	"  UPDATE threads SET first_reply_at = NEW.created"
	"    WHERE id = NEW.thread_id AND first_reply_at = 0"
	"    AND author_id != NEW.author_id;"
	"END;"
	"CREATE TRIGGER threads_first_reply_again"
	"  AFTER UPDATE OF hidden, deleted ON posts WHEN NEW.seq > 1 BEGIN"
	"  UPDATE threads SET first_reply_at = coalesce((SELECT p.created"
	"    FROM posts p WHERE p.thread_id = threads.id AND p.seq > 1"
	"    AND p.author_id != threads.author_id AND p.hidden = 0"
	"    AND p.deleted = 0 ORDER BY p.seq LIMIT 1), 0)"
	"    WHERE id = NEW.thread_id;"
	"END;"
	"CREATE INDEX posts_created ON posts(created)"
	"  WHERE hidden = 0 AND deleted = 0;"
	"CREATE INDEX threads_created ON threads(created, first_reply_at)"
	"  WHERE hidden = 0;",
};

/* Old steps 2 and 3 made versions 1 and 2, step 4 added the notices'
 * detail, step 5 the rest. */
static const int forums_adopt[DB_LEGACY_STEPS + 1] = { 0, 0, 1, 2, 3, 4 };

/* The member's posts (with their text as it stands and as it stood
 * before each edit), the threads they started, the boards they mute or
 * moderate, and what others did to their posts and threads or their
 * board duties (the audit's entries about them; what they did themselves
 * is the accounts domain's). Their
 * notifications are the inbox domain's, the reports they made the queue
 * domain's. */
static int
forums_export(struct db *db, int64_t id, json_t *obj)
{
	static const struct export_part parts[] = {
		{ "posts", "SELECT id, thread_id AS thread, seq, lang, created, "
		  "edited_at, hidden, deleted, body FROM posts WHERE "
		  "author_id = ?1 ORDER BY id", false },
		{ "earlier_versions", "SELECT e.post_id AS post, e.at AS "
		  "replaced, e.body AS body FROM post_edits e JOIN posts p ON "
		  "p.id = e.post_id WHERE p.author_id = ?1 ORDER BY e.id",
		  false },
		{ "threads", "SELECT id, board_id AS board, title, created, "
		  "pinned, locked, hidden FROM threads WHERE author_id = ?1 "
		  "ORDER BY id", false },
		{ "muted_boards", "SELECT board_id AS board FROM board_mutes "
		  "WHERE account_id = ?1 ORDER BY board_id", false },
		{ "moderated_boards", "SELECT board_id AS board FROM "
		  "board_moderators WHERE account_id = ?1 ORDER BY board_id",
		  false },
		/* A board's moderators are named in the detail. */
		{ "audit", EXPORT_AUDIT_FROM "WHERE a.actor_id != ?1 AND "
		  "(a.target IN (SELECT 'post ' || id FROM posts WHERE "
		  "author_id = ?1 UNION ALL SELECT 'thread ' || id FROM threads "
		  "WHERE author_id = ?1) OR (a.target GLOB 'board [0-9]*' AND "
		  "a.detail = 'account ' || ?1)) ORDER BY a.id", false },
	};

	return export_parts(db, obj, parts, sizeof parts / sizeof parts[0], id);
}

/* Whatever the member chose, their posts keep their author (the emptied
 * account, shown as "deleted member") and the threads they started their
 * titles, which head the others' replies; the earlier versions of their
 * posts go (only the text as it stands is kept), and where they edited
 * another's post (as a moderator) the edit is no longer theirs (editor 0).
 * Their read marks, mutes, board duties and the forums' old notices and
 * reports, which hold no rows since the inbox and queue took them over,
 * go; their notifications are the inbox domain's, their reports the
 * queue's. */
static int
forums_erase(struct db *db, int64_t id)
{
	static const char *const steps[] = {
		"DELETE FROM post_edits WHERE post_id IN "
		"(SELECT id FROM posts WHERE author_id = ?1)",
		"UPDATE post_edits SET editor_id = 0 WHERE editor_id = ?1",
		"DELETE FROM thread_reads WHERE account_id = ?1",
		"DELETE FROM thread_participants WHERE account_id = ?1",
		"DELETE FROM board_mutes WHERE account_id = ?1",
		"DELETE FROM board_moderators WHERE account_id = ?1",
		"DELETE FROM notices WHERE account_id = ?1 OR actor_id = ?1",
		"DELETE FROM reports WHERE reporter_id = ?1",
		"UPDATE reports SET resolved_by = 0 WHERE resolved_by = ?1",
	};
	return db_exec_steps(db, steps, sizeof steps / sizeof steps[0], id);
}

/* When the member takes their posts with them, each keeps its place, so
 * that replies and their numbers still read in order, but loses its text:
 * it becomes a removed post ("deleted") with an empty body, and leaves the
 * search index, with the words no other post has. */
static int
forums_erase_writing(struct db *db, int64_t id)
{
	static const char *const steps[] = {
		"DELETE FROM post_fts WHERE rowid IN "
		"(SELECT id FROM posts WHERE author_id = ?1)",
		"UPDATE posts SET body = '', deleted = 1 WHERE author_id = ?1",
		/* The index keeps the words of deleted rows in its older
		 * segments until they merge: merge them all now. */
		"INSERT INTO post_fts (post_fts) VALUES ('optimize')",
		/* search_terms is never pruned otherwise (domain step 4). */
		"CREATE VIRTUAL TABLE temp.erase_vocab USING "
		"fts5vocab(main, post_fts, col)",
		"DELETE FROM search_terms WHERE term NOT IN "
		"(SELECT term FROM temp.erase_vocab WHERE col != 'tags')",
		"DROP TABLE temp.erase_vocab",
	};
	return db_exec_steps(db, steps, sizeof steps / sizeof steps[0], id);
}

const struct domain domain_forums = {
	.name = "forums",
	.migrations = forums_migrations,
	.nmigrations = sizeof forums_migrations / sizeof forums_migrations[0],
	.adopt = forums_adopt,
	.demo_fill = forums_demo,
	.export_account = forums_export,
	.erase_account = forums_erase,
	.erase_writing = forums_erase_writing,
	.inbox_kinds = forum_inbox_kinds,
	.queue_kinds = forum_queue_kinds,
};
