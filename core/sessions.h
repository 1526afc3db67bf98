/* Live sessions per account, so that an account has at most N at once.
 * A row per authenticated connection process; rows whose process is gone
 * are pruned whenever the table is read. */
#ifndef TINKLAS_SESSIONS_H
#define TINKLAS_SESSIONS_H

#include <stdint.h>
#include <sys/types.h>

struct db;

/* session_begin's answer when the account already has its max sessions;
 * -1 is kept for a database that cannot be written (F9 of the reliability
 * review: the two must not look alike). */
#define SESSION_FULL	1

/* Registers pid as a session of account_id unless the account already has
 * max live sessions. Returns 0, SESSION_FULL, or -1 (database error). */
int session_begin(struct db *db, int64_t account_id, pid_t pid,
    const char *source, int max);
/* For "end the oldest session and continue": in one transaction, removes
 * the row of the account's oldest live session when it has max or more,
 * putting that process's pid in *ended (0 when none was removed; the
 * caller signals it to end), and registers pid once there is room.
 * Returns 0 when pid is registered, SESSION_FULL when more than one had to
 * go (call again), -1 on a database error. */
int session_take_oldest(struct db *db, int64_t account_id, pid_t pid,
    const char *source, int max, pid_t *ended);
void session_end(struct db *db, pid_t pid);
int session_count(struct db *db, int64_t account_id);
/* The sessions online now, for `tinklas admin status`: *members and
 * *guests. 0, or -1 on a database error. */
int session_totals(struct db *db, int *members, int *guests);

#endif
