/* The directory domain (issue 9): people who choose to be listed, their
 * skills and languages, organisations, mentorships, blocks and private
 * messages. Its parts keep their tables in this one domain so the feature
 * is one line in core/domains.c; each step says whose tables it makes. */
#include "core/domain.h"
#include "core/db-internal.h"
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
};

static int
directory_export(struct db *db, int64_t id, struct strbuf *out)
{
	static const char *const block_cols[] = { "blocked", "created", NULL };

	sb_putc(out, '{');
	json_key(out, "blocks");
	if (domain_json_rows(db, out, "SELECT blocked_id, created FROM "
	    "person_blocks WHERE blocker_id = ?1 ORDER BY created", id,
	    block_cols) != 0)
		return -1;
	sb_putc(out, '}');
	return 0;
}

static int
directory_erase(struct db *db, int64_t id)
{
	return db_exec_ints(db, "DELETE FROM person_blocks WHERE blocker_id = ?1 "
	    "OR blocked_id = ?1", id, 0, 0);
}

const struct domain domain_directory = {
	.name = "directory",
	.migrations = directory_migrations,
	.nmigrations = sizeof directory_migrations / sizeof directory_migrations[0],
	.export_account = directory_export,
	.erase_account = directory_erase,
};
