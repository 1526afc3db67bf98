/* Live sessions per account, so that an account has at most N at once.
 * A row per authenticated connection process; rows whose process is gone
 * are pruned whenever the table is read. */
#ifndef TINKLAS_SESSIONS_H
#define TINKLAS_SESSIONS_H

#include <stdint.h>
#include <sys/types.h>

struct db;

/* Registers pid as a session of account_id unless the account already has
 * max live sessions. Returns 0, or -1 when the limit is reached. */
int session_begin(struct db *db, int64_t account_id, pid_t pid,
    const char *source, int max);
void session_end(struct db *db, pid_t pid);
int session_count(struct db *db, int64_t account_id);

#endif
