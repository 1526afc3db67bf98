/* The schema, as a list of migration steps run in order by db_open. Step i
 * takes PRAGMA user_version from i to i + 1 inside one BEGIN IMMEDIATE
 * transaction. Append new steps at the end; never edit a shipped one. */
#include "core/db-internal.h"

const char *const db_migrations[] = {
	/* 1: accounts, their SSH keys, the audit log, live sessions. */
	"CREATE TABLE accounts ("
	"  id              INTEGER PRIMARY KEY,"
	"  name            TEXT NOT NULL,"		/* stored lower-case */
	"  display         TEXT NOT NULL,"
	"  pwhash          TEXT NOT NULL,"
	"  role            TEXT NOT NULL DEFAULT 'member'"
	"                  CHECK (role IN ('member', 'organiser', 'moderator', 'admin')),"
	"  lang            TEXT NOT NULL DEFAULT 'lt',"
	"  theme           INTEGER NOT NULL DEFAULT 0 CHECK (theme BETWEEN 0 AND 2),"
	"  mode            INTEGER NOT NULL DEFAULT 0 CHECK (mode BETWEEN 0 AND 2),"
	"  charset         INTEGER NOT NULL DEFAULT 0 CHECK (charset BETWEEN 0 AND 2),"
	"  idle_minutes    INTEGER NOT NULL DEFAULT 0,"
	"  created         INTEGER NOT NULL,"
	"  last_login      INTEGER NOT NULL DEFAULT 0,"
	"  suspended_until INTEGER NOT NULL DEFAULT 0,"
	"  suspend_reason  TEXT NOT NULL DEFAULT ''"
	");"
	"CREATE UNIQUE INDEX accounts_name ON accounts(name COLLATE NOCASE);"
	"CREATE TABLE ssh_keys ("
	"  id          INTEGER PRIMARY KEY,"
	"  account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,"
	"  type        TEXT NOT NULL,"
	"  blob        TEXT NOT NULL,"
	"  comment     TEXT NOT NULL DEFAULT '',"
	"  fingerprint TEXT NOT NULL UNIQUE,"
	"  created     INTEGER NOT NULL"
	");"
	"CREATE INDEX ssh_keys_account ON ssh_keys(account_id);"
	/* actor_id 0 is the admin command; no foreign key, so the log
	 * outlives the accounts it names. */
	"CREATE TABLE audit ("
	"  id       INTEGER PRIMARY KEY,"
	"  at       INTEGER NOT NULL,"
	"  actor_id INTEGER NOT NULL,"
	"  action   TEXT NOT NULL,"
	"  target   TEXT NOT NULL DEFAULT '',"
	"  detail   TEXT NOT NULL DEFAULT ''"
	");"
	"CREATE TABLE sessions ("
	"  pid        INTEGER PRIMARY KEY,"
	"  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,"
	"  source     TEXT NOT NULL DEFAULT '',"
	"  started    INTEGER NOT NULL"
	");"
	"CREATE INDEX sessions_account ON sessions(account_id);",

	/* 2: the forums. boards.thread_count and post_total (the sum of
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

	/* 3: the read horizon. Threads whose last post is older than an
	 * account count as read for it; this index counts them per board
	 * by range, touching only those threads. */
	"CREATE INDEX threads_horizon ON threads(board_id, hidden,"
	"  last_post_at, last_seq);",

	/* 4: drafts (core/drafts.c), one per account and place; kind 0 a new
	 * thread in board place_id, 1 a reply in thread place_id, 2 an edit
	 * of post place_id. Notices get the moderators' reason (kind 2: the
	 * reader's post was hidden). */
	"CREATE TABLE drafts ("
	"  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,"
	"  kind       INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 2),"
	"  place_id   INTEGER NOT NULL,"
	"  title      TEXT NOT NULL DEFAULT '',"
	"  body       TEXT NOT NULL,"
	"  lang       TEXT NOT NULL DEFAULT '',"
	"  updated    INTEGER NOT NULL,"
	"  PRIMARY KEY (account_id, kind, place_id)"
	");"
	"ALTER TABLE notices ADD COLUMN detail TEXT NOT NULL DEFAULT '';",

	/* 5: i18n_fold now folds Ukrainian ґ to г; post_fts holds folded
	 * (already small) text, so replacing ґ there gives what the new
	 * fold gives. Edits are counted per editor, and accounts made in the
	 * last hour, for their rate limits.
	 * search_terms lists every word the index holds (never pruned: a
	 * word no post has any more finds nothing), so a prefix becomes an
	 * OR of its words, which FTS5 reads newest first and stops early,
	 * where its own prefix query merges all their posts first. */
	"UPDATE post_fts SET title = replace(title, 'ґ', 'г'),"
	"  body = replace(body, 'ґ', 'г')"
	"  WHERE instr(title, 'ґ') > 0 OR instr(body, 'ґ') > 0;"
	"CREATE INDEX post_edits_editor ON post_edits(editor_id, at);"
	"CREATE INDEX accounts_created ON accounts(created);"
	"CREATE TABLE search_terms (term TEXT PRIMARY KEY) WITHOUT ROWID;"
	"CREATE VIRTUAL TABLE temp.post_vocab USING fts5vocab(main, post_fts, col);"
	"INSERT OR IGNORE INTO search_terms SELECT term FROM temp.post_vocab"
	"  WHERE col != 'tags';"
	"DROP TABLE temp.post_vocab;",
};

const int db_nmigrations = sizeof db_migrations / sizeof db_migrations[0];
