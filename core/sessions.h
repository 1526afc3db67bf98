/* Live sessions: a row per connection that logged in (a member, a guest,
 * or `new` registering), so that an account has at most N at once and
 * moderators see who is online, in which part, and can end a session.
 *
 * A row names its connection process by pid AND the process's start time
 * (/proc/PID/stat, common/procstat.h): a row whose pid is gone, or whose
 * pid now belongs to a later process, is dead and is pruned whenever the
 * table is read. The server is the table's only owner: each connection
 * process removes its row at its end, and `tinklas serve` removes at
 * start the rows a crashed server left behind (session_recover). */
#ifndef TINKLAS_SESSIONS_H
#define TINKLAS_SESSIONS_H

#include <stdint.h>
#include <sys/types.h>

struct actor;
struct db;

/* session_begin's answer when the account already has its max sessions;
 * -1 is kept for a database that cannot be written (F9 of the reliability
 * review: the two must not look alike). */
#define SESSION_FULL	1
/* session_stop's answer when the session is not live (any more). */
#define SESSION_GONE	1

enum session_kind { SESSION_MEMBER, SESSION_GUEST, SESSION_REGISTER };

/* At most this many bytes in a part's code ("forums"). */
#define SESSION_PART_MAX	24

/* Registers pid as a session of account_id unless the account already has
 * max live sessions. Returns 0, SESSION_FULL, or -1 (database error). */
int session_begin(struct db *db, int64_t account_id, pid_t pid,
    const char *source, int max);
/* Registers pid as a guest's or a registering newcomer's session (kind
 * SESSION_GUEST or SESSION_REGISTER; their limits are the listener's).
 * Returns 0 or -1. */
int session_begin_guest(struct db *db, enum session_kind kind, pid_t pid,
    const char *source);
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
/* `tinklas serve` at start: removes every dead row (those of a server
 * that crashed, whose connection processes ended with it or since). A
 * connection process that outlived it still serves its client, and its
 * row stays: it is still online, and can still be ended. Returns the
 * number of rows left, or -1. */
int session_recover(struct db *db);

/* The id of pid's live row (what the UI process is told), or 0. */
int64_t session_id_of(struct db *db, pid_t pid);
/* The UI process of session id: the person is now in part (a short code,
 * the feature's name: "forums", "menu"); also marks activity. Returns 0 or
 * -1. */
int session_where(struct db *db, int64_t id, const char *part);
/* Marks activity now (the last input). Returns 0 or -1. */
int session_touch(struct db *db, int64_t id);
/* A registration session became the new member's. Returns 0 or -1. */
int session_login(struct db *db, int64_t id, int64_t account_id);

/* Live sessions: distinct members online, and the guest and registration
 * sessions; *sessions (unless NULL) all of them, a member in two counted
 * twice, as the lists show them. Returns 0 or -1. */
int session_totals(struct db *db, int *members, int *guests, int *sessions);

struct session_info {
	int64_t		 id;
	pid_t		 pid;		/* the connection process */
	enum session_kind kind;
	int64_t		 account_id;	/* 0 for guests and newcomers */
	const char	*name;		/* the account's login name; "" */
	const char	*display;	/* its display name; "" */
	const char	*part;		/* "" until the UI says */
	const char	*source;	/* the client's address; "" */
	int64_t		 started;	/* UTC seconds */
	int64_t		 active;	/* last activity; 0: none yet */
};

/* Calls fn for every live session, oldest first (dead rows pruned
 * first). Returns the number visited, or -1. fn returning non-zero
 * stops. */
int session_each(struct db *db,
    int (*fn)(const struct session_info *s, void *arg), void *arg);
/* A moderator or the admin command ends live session id: signals its
 * connection process (SIGUSR1: as SIGTERM, it lets its UI end cleanly and
 * closes the connection, and it tells the client why), removes the row
 * and audits "session.end" (the detail names the account by id, or
 * "guest"). Returns 0, SESSION_GONE, SESSION_DENIED
 * (not a moderator), or -1. */
#define SESSION_DENIED	2
int session_stop(struct db *db, const struct actor *a, int64_t id);
/* Before an account is erased: ends every live session of it but the row
 * except (the session erasing itself, or 0), as session_stop does, without
 * an audit entry (the erasure's is the only one kept). Returns how many
 * were signalled, or -1. */
int session_end_account(struct db *db, int64_t account_id, int64_t except);

#endif
