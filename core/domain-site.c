/* The site domain (core/announce.c): what the site says to everyone at
 * once, the moderators' announcement, kept as the message of the day. Its
 * part of an export is the announcements the member wrote; an erasure
 * keeps them (they were said to everyone) without their author. */
#include "core/domain.h"
#include "core/db-internal.h"
#include "core/export-json.h"

#include <stdint.h>

static const char *const site_migrations[] = {
	/* 1: one row per announcement ever made; the current one is the
	 * newest that is not cleared (at most one is: setting a new one
	 * clears the one before). author_id NULL: the admin command, or an
	 * erased member. */
	"CREATE TABLE announcements ("
	"  id         INTEGER PRIMARY KEY,"
	"  body       TEXT NOT NULL,"
	"  author_id  INTEGER REFERENCES accounts(id) ON DELETE SET NULL,"
	"  created_at INTEGER NOT NULL,"
	"  cleared_at INTEGER"
	");"
	"CREATE INDEX announcements_current ON announcements(id) "
	"  WHERE cleared_at IS NULL;"
	"CREATE INDEX announcements_author ON announcements(author_id);",
};

static int
site_export(struct db *db, int64_t id, json_t *obj)
{
	static const struct export_part parts[] = {
		{ "announcements", "SELECT body, created_at AS created, "
		  "cleared_at AS cleared FROM announcements WHERE "
		  "author_id = ?1 ORDER BY id", false },
	};

	return export_parts(db, obj, parts, sizeof parts / sizeof parts[0], id);
}

static int
site_erase(struct db *db, int64_t id)
{
	return db_exec_ints(db, "UPDATE announcements SET author_id = NULL "
	    "WHERE author_id = ?1", id, 0, 0);
}

const struct domain domain_site = {
	.name = "site",
	.migrations = site_migrations,
	.nmigrations = sizeof site_migrations / sizeof site_migrations[0],
	.export_account = site_export,
	.erase_account = site_erase,
};
