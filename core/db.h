/* The one SQLite database: WAL, foreign keys, busy timeout, schema per
 * domain (core/domain.h). Opened after fork, never before. Write
 * transactions are BEGIN IMMEDIATE. */
#ifndef TINKLAS_DB_H
#define TINKLAS_DB_H

#include <stddef.h>

struct db;

/* Opens (creating when missing) and migrates the database at path.
 * Returns 0, or -1 with a message in err. */
int db_open(const char *path, struct db **out, char *err, size_t errsz);
void db_close(struct db *db);
/* Writes a consistent copy to dest (VACUUM INTO). 0 or -1 with err. */
int db_backup(struct db *db, const char *dest, char *err, size_t errsz);
/* Whether the file src may replace the database: SQLite opens it, it
 * passes the integrity and foreign-key checks, and it is a Tinklas
 * database no newer than this program. 0, or -1 with the reason in err. */
int db_restore_check(const char *src, char *err, size_t errsz);
/* Copies src, which db_restore_check has passed (the checks read the
 * whole file, so they are not run twice), over the database file dest,
 * which no other process may have open. 0 or -1 with err. */
int db_restore(const char *src, const char *dest, char *err, size_t errsz);
/* Runs SQLite's integrity check and the foreign-key check, calling fn
 * with each problem found as one line of text. Returns how many were
 * found, or -1 when the checks could not run. */
int db_check(struct db *db, void (*fn)(const char *problem, void *arg),
    void *arg);
/* The same with SQLite's quick check only (no index contents, no foreign
 * keys): fast enough for a health check. */
int db_quick_check(struct db *db, void (*fn)(const char *problem, void *arg),
    void *arg);
/* Rebuilds the file, giving free pages back (VACUUM). 0 or -1 with err. */
int db_vacuum(struct db *db, char *err, size_t errsz);

#endif
