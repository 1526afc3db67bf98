/* The drafts domain (core/drafts.c): what members are writing, kept as they
 * write; its part of an export and of an erasure. No demo content. */
#include "core/domain.h"
#include "core/db-internal.h"
#include "core/export-json.h"

#include <stdint.h>

static const char *const drafts_migrations[] = {
	/* 1: one draft per account and place; kind 0 a new thread in board
	 * place_id, 1 a reply in thread place_id, 2 an edit of post
	 * place_id. */
	"CREATE TABLE drafts ("
	"  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,"
	"  kind       INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 2),"
	"  place_id   INTEGER NOT NULL,"
	"  title      TEXT NOT NULL DEFAULT '',"
	"  body       TEXT NOT NULL,"
	"  lang       TEXT NOT NULL DEFAULT '',"
	"  updated    INTEGER NOT NULL,"
	"  PRIMARY KEY (account_id, kind, place_id)"
	");",
	/* 2: kind 3, a private message to account place_id (0: to the user
	 * name kept as the title). SQLite cannot widen a CHECK in place. */
	"CREATE TABLE drafts_new ("
	"  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,"
	"  kind       INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 3),"
	"  place_id   INTEGER NOT NULL,"
	"  title      TEXT NOT NULL DEFAULT '',"
	"  body       TEXT NOT NULL,"
	"  lang       TEXT NOT NULL DEFAULT '',"
	"  updated    INTEGER NOT NULL,"
	"  PRIMARY KEY (account_id, kind, place_id)"
	");"
	"INSERT INTO drafts_new SELECT account_id, kind, place_id, title, body,"
	"  lang, updated FROM drafts;"
	"DROP TABLE drafts;"
	"ALTER TABLE drafts_new RENAME TO drafts;",
};

/* Old step 4 made the table. */
static const int drafts_adopt[DB_LEGACY_STEPS + 1] = { 0, 0, 0, 0, 1, 1 };

/* What the member is writing: kind 0 a thread in board place, 1 a reply
 * in thread place, 2 an edit of post place, 3 a message to account
 * place. */
static int
drafts_export(struct db *db, int64_t id, json_t *obj)
{
	static const struct export_part parts[] = {
		{ "drafts", "SELECT kind, place_id AS place, title, body, lang, "
		  "updated FROM drafts WHERE account_id = ?1 ORDER BY updated",
		  false },
	};

	return export_parts(db, obj, parts, sizeof parts / sizeof parts[0], id);
}

/* The member's drafts go, and so do the messages others were writing to
 * them (by account, or by the user name typed as the title: it names
 * them): no one can send those any more. Runs before the accounts domain
 * empties the name. */
static int
drafts_erase(struct db *db, int64_t id)
{
	sqlite3_stmt *st;

	if ((st = db_prepare(db, "DELETE FROM drafts WHERE account_id = ?1 "
	    "OR (kind = 3 AND (place_id = ?1 OR (place_id = 0 AND "
	    "lower(title) = (SELECT name FROM accounts WHERE id = ?1))))"))
	    == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return db_step_done(st) == SQLITE_DONE ? 0 : -1;
}

const struct domain domain_drafts = {
	.name = "drafts",
	.migrations = drafts_migrations,
	.nmigrations = sizeof drafts_migrations / sizeof drafts_migrations[0],
	.adopt = drafts_adopt,
	.export_account = drafts_export,
	.erase_account = drafts_erase,
};
