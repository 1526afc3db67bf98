/* The backups table (accounts domain, migration 5). */
#include "core/backups.h"
#include "core/db-internal.h"

#include <string.h>

int
backup_record(struct db *db, const char *path, int64_t bytes)
{
	sqlite3_stmt *st;

	st = db_prepare(db, "INSERT INTO backups (at, path, bytes) "
	    "VALUES (?1, ?2, ?3)");
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, db_now());
	db_bind_text(st, 2, path);
	sqlite3_bind_int64(st, 3, bytes);
	return db_step_done(st) == SQLITE_DONE ? 0 : -1;
}

int
backup_last(struct db *db, struct backup_entry *out)
{
	sqlite3_stmt *st;
	int rc;

	memset(out, 0, sizeof *out);
	st = db_prepare(db, "SELECT at, path, bytes FROM backups "
	    "ORDER BY at DESC, id DESC LIMIT 1");
	if (st == NULL)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->at = sqlite3_column_int64(st, 0);
		db_column_copy(st, 1, out->path, sizeof out->path);
		out->bytes = sqlite3_column_int64(st, 2);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}
