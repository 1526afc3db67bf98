/* What core's modules share about the database: the SQLite handle and a few
 * helpers. Only files in core/ include this; nothing of SQLite leaves core. */
#ifndef TINKLAS_DB_INTERNAL_H
#define TINKLAS_DB_INTERNAL_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

struct db {
	sqlite3	*h;
	char	*path;
};

/* Returns a prepared statement for constant SQL text, or NULL after
 * logging why. Callers bind every value and finalize the statement. */
sqlite3_stmt *db_prepare(struct db *db, const char *sql);
/* Runs a statement to completion; returns the last sqlite3_step code
 * (SQLITE_DONE on success) and finalizes it. */
int db_step_done(sqlite3_stmt *st);
/* Starts a write transaction with BEGIN IMMEDIATE, so read-then-write
 * transactions wait for the lock instead of failing. 0 or -1. */
int db_begin(struct db *db);
int db_commit(struct db *db);
void db_rollback(struct db *db);
/* Binds a string or NULL as text. */
int db_bind_text(sqlite3_stmt *st, int idx, const char *s);
/* Copies column col into dst (size dstsz), cutting at a UTF-8 boundary. */
void db_column_copy(sqlite3_stmt *st, int col, char *dst, size_t dstsz);
/* Seconds since the epoch, UTC. */
int64_t db_now(void);
/* The database file's path, for files kept beside it (hash locks). */
const char *db_path(struct db *db);

#endif
