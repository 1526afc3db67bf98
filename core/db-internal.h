/* What core's modules share about the database: the SQLite handle and a few
 * helpers. Only files in core/ include this; nothing of SQLite leaves core. */
#ifndef TINKLAS_DB_INTERNAL_H
#define TINKLAS_DB_INTERNAL_H

#include <sqlite3.h>
#include <stdbool.h>
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

/* core/tx.c: the write transaction of a rule and its audit entry. */
struct actor;
/* Opens a write transaction: NULL, or "error.internal" after freeing a
 * and b (either may be NULL), so callers holding clean text just return. */
const char *db_tx_begin(struct db *db, char *a, char *b);
/* Ends it: rolls back and returns err when err is set, else commits and
 * returns NULL or "error.internal". */
const char *db_tx_end(struct db *db, const char *err);
/* Logs a change by the actor with target "<what> <id>" (account, board,
 * thread, post, key): accounts are named by id, never by name, so erasing
 * an account leaves no name behind. NULL or "error.internal". */
const char *db_audit(struct db *db, const struct actor *a, const char *what,
    int64_t id, const char *action, const char *detail);
/* Binds a string or NULL as text. */
int db_bind_text(sqlite3_stmt *st, int idx, const char *s);
/* Copies column col into dst (size dstsz), cutting at a UTF-8 boundary. */
void db_column_copy(sqlite3_stmt *st, int col, char *dst, size_t dstsz);
/* Seconds since the epoch, UTC. */
int64_t db_now(void);
/* core/db-rows.c. Steps a page query that asked for limit + 1 rows:
 * SQLITE_ROW while the row fits the page of n rows so far, SQLITE_DONE
 * (with *more set when a row is left over) at the end, or SQLite's error. */
int db_page_step(sqlite3_stmt *st, size_t n, int limit, bool *more);
/* Runs one statement with up to three integer parameters; 0 or -1. */
int db_exec_ints(struct db *db, const char *sql, int64_t a, int64_t b,
    int64_t c);
/* Runs the n statements of sql in order, each with its ?1 (if it has one)
 * bound to a: an erase hook's steps, a definition's rows cleared. 0, or -1
 * at the first that fails. */
int db_exec_steps(struct db *db, const char *const *sql, size_t n,
    int64_t a);
/* The first column of a one-row query with up to two integer parameters,
 * or fallback when there is no row (or it is NULL). */
int64_t db_scalar(struct db *db, const char *sql, int64_t a, int64_t b,
    int64_t fallback);
/* The database file's path, for files kept beside it (hash locks). */
const char *db_path(struct db *db);

#endif
