/* The directory domain (issue 9): people who choose to be listed, their
 * skills and languages, organisations, mentorships, blocks and private
 * messages. Its parts keep their tables in this one domain so the feature
 * is one line in core/domains.c; each step says whose tables it makes. */
#include "core/domain.h"
#include "core/db-internal.h"
#include "core/messages.h"
#include "common/strbuf.h"

#include <stdint.h>

static const char *const directory_migrations[] = {
	/* 1: blocks (core/blocks.c). */
	"CREATE TABLE person_blocks ("
	"  blocker_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,"
	"  blocked_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,"
	"  created    INTEGER NOT NULL,"
	"  PRIMARY KEY (blocker_id, blocked_id)"
	") WITHOUT ROWID;"
	"CREATE INDEX person_blocks_blocked ON person_blocks (blocked_id);",
	/* 2: private messages (core/messages-*.c). One conversation per
	 * pair (a_id < b_id); pm_members holds each member's side (the other
	 * member, the read mark, the last activity), so a member's list and
	 * unread total read only their own rows. removed: 0 shown, 1 by a
	 * moderator, 2 erased with its author (the text is then ''). */
	"CREATE TABLE pm_conversations ("
	"  id         INTEGER PRIMARY KEY,"
	"  a_id       INTEGER NOT NULL REFERENCES accounts(id),"
	"  b_id       INTEGER NOT NULL REFERENCES accounts(id),"
	"  started_by INTEGER NOT NULL REFERENCES accounts(id),"
	"  created    INTEGER NOT NULL,"
	"  last_seq   INTEGER NOT NULL DEFAULT 0,"
	"  last_at    INTEGER NOT NULL,"
	"  CHECK (a_id < b_id),"
	"  UNIQUE (a_id, b_id)"
	");"
	"CREATE INDEX pm_conversations_started ON pm_conversations"
	"  (started_by, created);"
	"CREATE TABLE pm_members ("
	"  account_id      INTEGER NOT NULL REFERENCES accounts(id),"
	"  conversation_id INTEGER NOT NULL REFERENCES pm_conversations(id),"
	"  other_id        INTEGER NOT NULL REFERENCES accounts(id),"
	"  read_seq        INTEGER NOT NULL DEFAULT 0,"
	"  last_at         INTEGER NOT NULL,"
	"  PRIMARY KEY (account_id, conversation_id)"
	") WITHOUT ROWID;"
	"CREATE INDEX pm_members_recent ON pm_members"
	"  (account_id, last_at DESC, conversation_id DESC);"
	"CREATE TABLE pm_messages ("
	"  id              INTEGER PRIMARY KEY,"
	"  conversation_id INTEGER NOT NULL REFERENCES pm_conversations(id),"
	"  seq             INTEGER NOT NULL,"
	"  author_id       INTEGER NOT NULL REFERENCES accounts(id),"
	"  body            TEXT NOT NULL,"
	"  created         INTEGER NOT NULL,"
	"  removed         INTEGER NOT NULL DEFAULT 0"
	"    CHECK (removed BETWEEN 0 AND 2)"
	");"
	"CREATE UNIQUE INDEX pm_messages_seq ON pm_messages"
	"  (conversation_id, seq);"
	"CREATE INDEX pm_messages_author ON pm_messages (author_id, created);",
};

/* The member's blocks, and the private messages of their conversations,
 * sent and received: both are their correspondence, and the other
 * member's own export holds the same. */
static int
directory_export(struct db *db, int64_t id, struct strbuf *out)
{
	static const char *const block_cols[] = { "blocked", "created", NULL };
	static const char *const message_cols[] = { "id", "conversation",
		"with", "seq", "from", "created", "removed", "body", NULL };

	sb_putc(out, '{');
	json_key(out, "blocks");
	if (domain_json_rows(db, out, "SELECT blocked_id, created FROM "
	    "person_blocks WHERE blocker_id = ?1 ORDER BY created", id,
	    block_cols) != 0)
		return -1;
	sb_putc(out, ',');
	json_key(out, "messages");
	if (domain_json_rows(db, out, "SELECT m.id, m.conversation_id, "
	    "s.other_id, m.seq, m.author_id, m.created, m.removed, m.body "
	    "FROM pm_members s JOIN pm_messages m "
	    "ON m.conversation_id = s.conversation_id WHERE s.account_id = ?1 "
	    "ORDER BY m.conversation_id, m.seq", id, message_cols) != 0)
		return -1;
	sb_putc(out, '}');
	return 0;
}

/* An erased member's messages keep their place as "erased" markers
 * without text, so the other member's conversation still reads in order
 * and keeps their own words (theirs to keep or erase); the erased side of
 * each conversation goes, so it is no longer in any list of theirs. */
static int
directory_erase(struct db *db, int64_t id)
{
	static const char *const steps[] = {
		"DELETE FROM person_blocks WHERE blocker_id = ?1 "
		"OR blocked_id = ?1",
		"UPDATE pm_messages SET body = '', removed = 2 "
		"WHERE author_id = ?1",
		"DELETE FROM pm_members WHERE account_id = ?1",
	};
	size_t i;

	for (i = 0; i < sizeof steps / sizeof steps[0]; i++)
		if (db_exec_ints(db, steps[i], id, 0, 0) != 0)
			return -1;
	return 0;
}

const struct domain domain_directory = {
	.name = "directory",
	.migrations = directory_migrations,
	.nmigrations = sizeof directory_migrations / sizeof directory_migrations[0],
	.export_account = directory_export,
	.demo_fill = messages_demo_fill,
	.erase_account = directory_erase,
	.queue_kinds = messages_queue_kinds,
};
