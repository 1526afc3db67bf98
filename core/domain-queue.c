/* The queue domain (core/queue.c): one table of the things moderators
 * decide, for every feature; its part of an export and of an erasure. It
 * comes after the forums in core/domains.c because its first step moves
 * the forums' old reports in. */
#include "core/domain.h"
#include "core/db-internal.h"
#include "core/export-json.h"

#include <stdint.h>

static const char *const queue_migrations[] = {
	/* 1: the queue. kind names the subject's type ("forum.post"); state
	 * 0 open, 1 resolved, 2 dismissed; resolution the action's name.
	 * One item per reporter and subject, open or closed. The forums'
	 * reports move in with their ids; forums.reports stays, empty and
	 * unused (a forums step would drop it before the move: the forums
	 * migrate first). */
	"CREATE TABLE queue ("
	"  id          INTEGER PRIMARY KEY,"
	"  kind        TEXT NOT NULL,"
	"  subject_id  INTEGER NOT NULL,"
	"  reporter_id INTEGER NOT NULL REFERENCES accounts(id),"
	"  reason      TEXT NOT NULL,"
	"  state       INTEGER NOT NULL DEFAULT 0 CHECK (state BETWEEN 0 AND 2),"
	"  at          INTEGER NOT NULL,"
	"  resolved_at INTEGER NOT NULL DEFAULT 0,"
	"  resolved_by INTEGER NOT NULL DEFAULT 0,"
	"  resolution  TEXT NOT NULL DEFAULT ''"
	");"
	"CREATE UNIQUE INDEX queue_once ON queue(kind, subject_id, reporter_id);"
	"CREATE INDEX queue_open ON queue(at) WHERE state = 0;"
	"INSERT INTO queue (id, kind, subject_id, reporter_id, reason, state,"
	"  at, resolved_at, resolved_by, resolution)"
	"  SELECT id, 'forum.post', post_id, reporter_id, reason,"
	"    CASE WHEN resolved_at = 0 THEN 0"
	"      WHEN resolution = 'dismiss' THEN 2 ELSE 1 END,"
	"    at, resolved_at, resolved_by, resolution"
	"  FROM reports ORDER BY id;"
	"DELETE FROM reports;",
};

/* The items the member raised go, with their reasons (their words):
 * those still open have no one to answer, and what became of the closed
 * ones is in the moderators' audit entries. A decision they took as a
 * moderator is no longer theirs (resolved_by 0). */
static int
queue_erase(struct db *db, int64_t id)
{
	static const char *const steps[] = {
		"DELETE FROM queue WHERE reporter_id = ?1",
		"UPDATE queue SET resolved_by = 0 WHERE resolved_by = ?1",
	};
	return db_exec_steps(db, steps, sizeof steps / sizeof steps[0], id);
}

/* The items the member raised (reports of posts and messages), with what
 * became of them: state 0 open, 1 resolved, 2 dismissed. Reports others
 * made about the member's posts are the reporters' and stay out. */
static int
queue_export(struct db *db, int64_t id, json_t *obj)
{
	static const struct export_part parts[] = {
		{ "queue", "SELECT kind, subject_id AS subject, reason, at, "
		  "state, resolved_at, resolution FROM queue WHERE "
		  "reporter_id = ?1 ORDER BY id", false },
	};

	return export_parts(db, obj, parts, sizeof parts / sizeof parts[0], id);
}

const struct domain domain_queue = {
	.name = "queue",
	.erase_account = queue_erase,
	.migrations = queue_migrations,
	.nmigrations = sizeof queue_migrations / sizeof queue_migrations[0],
	.export_account = queue_export,
};
