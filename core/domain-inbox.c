/* The inbox domain (core/inbox.c): one table of notifications for every
 * feature; its part of an export and of an erasure. It comes after the
 * forums in core/domains.c because its first step moves the forums' old
 * notices in. */
#include "core/domain.h"
#include "core/db-internal.h"
#include "core/export-json.h"

#include <stdint.h>

static const char *const inbox_migrations[] = {
	/* 1: the inbox. kind is the writer's stable name ("forum.reply"),
	 * subject what the entry is about ("post" and its id), args the
	 * "key=value" lines of its text. The forums' notices move in with
	 * their ids (so a session's probe never goes back) and the thread's
	 * title as it stands; forums.notices stays, empty and unused: a
	 * forums step cannot drop it, since the forums migrate before this
	 * domain and the rows would go before they are moved. Kind 2 with
	 * no actor and no reason was the hide by three reports. */
	"CREATE TABLE inbox ("
	"  id           INTEGER PRIMARY KEY,"
	"  account_id   INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,"
	"  kind         TEXT NOT NULL,"
	"  subject_type TEXT NOT NULL DEFAULT '',"
	"  subject_id   INTEGER NOT NULL DEFAULT 0,"
	"  actor_id     INTEGER NOT NULL DEFAULT 0,"
	"  args         TEXT NOT NULL DEFAULT '',"
	"  at           INTEGER NOT NULL,"
	"  read         INTEGER NOT NULL DEFAULT 0"
	");"
	"CREATE INDEX inbox_account ON inbox(account_id, id);"
	"CREATE INDEX inbox_unread ON inbox(account_id) WHERE read = 0;"
	"INSERT INTO inbox (id, account_id, kind, subject_type, subject_id,"
	"  actor_id, args, at, read)"
	"  SELECT n.id, n.account_id,"
	"    CASE n.kind WHEN 0 THEN 'forum.reply' WHEN 1 THEN 'forum.mention'"
	"    WHEN 2 THEN CASE WHEN n.actor_id = 0 AND n.detail = ''"
	"      THEN 'forum.hidden_auto' ELSE 'forum.hidden' END"
	"    ELSE 'forum.reply' END,"
	"    'post', n.post_id, n.actor_id,"
	"    'title=' || replace(coalesce(t.title, ''), char(10), ' ') ||"
	"    CASE WHEN n.detail = '' THEN '' ELSE char(10) || 'reason=' ||"
	"      replace(n.detail, char(10), ' ') END,"
	"    n.at, n.read"
	"  FROM notices n LEFT JOIN posts p ON p.id = n.post_id"
	"  LEFT JOIN threads t ON t.id = p.thread_id ORDER BY n.id;"
	"DELETE FROM notices;",
};

/* The member's notifications, read or not. */
static int
inbox_export(struct db *db, int64_t id, json_t *obj)
{
	static const struct export_part parts[] = {
		{ "inbox", "SELECT kind, subject_type, subject_id AS subject, "
		  "actor_id AS actor, args, at, read FROM inbox WHERE "
		  "account_id = ?1 ORDER BY id", false },
	};

	return export_parts(db, obj, parts, sizeof parts / sizeof parts[0], id);
}

/* The member's own entries go, and so do those they caused in others'
 * inboxes: such an entry may quote them (a mentorship request's message),
 * and what it told of stays where it happened (the reply in its thread). */
static int
inbox_erase(struct db *db, int64_t id)
{
	sqlite3_stmt *st;

	if ((st = db_prepare(db, "DELETE FROM inbox WHERE account_id = ?1 "
	    "OR actor_id = ?1")) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return db_step_done(st) == SQLITE_DONE ? 0 : -1;
}

const struct domain domain_inbox = {
	.name = "inbox",
	.migrations = inbox_migrations,
	.nmigrations = sizeof inbox_migrations / sizeof inbox_migrations[0],
	.export_account = inbox_export,
	.erase_account = inbox_erase,
};
