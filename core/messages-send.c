/* Writing a private message: the checks (guest, suspended, the recipient,
 * blocks, the flood limits), the conversation its first message starts,
 * and the message itself with the sender's read mark, in one transaction.
 * Messages are not audited: the audit log records deeds on the site, and
 * who writes to whom is the members' own business. */
#include "core/messages-internal.h"
#include "core/accounts.h"
#include "core/actor.h"
#include "core/blocks.h"
#include "core/forums.h"	/* FORUM_BODY_MAX: the same limit */
#include "core/sanitize.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

_Static_assert(MESSAGE_BODY_MAX == FORUM_BODY_MAX,
    "messages are limited as forum posts are");

/* Input beyond this many bytes is refused before sanitising it, as the
 * forums refuse a post. */
#define BODY_BYTES_MAX	(MESSAGE_BODY_MAX * 4 * 2)
#define DAY_SECONDS	86400

static char	*clean_body(const char *);
static const char *may_write(struct db *, const struct actor *, int64_t);
static const char *conversation_for(struct db *, const struct actor *,
		    int64_t, int64_t, int64_t *);
static const char *append(struct db *, const struct actor *, int64_t,
		    const char *, int64_t, int64_t *);

struct core_error
messages_send(struct db *db, const struct actor *v, int64_t to,
    const char *body, int64_t *conversation_id, int64_t *message_id)
{
	int64_t conv = 0, mid = 0, now = db_now();
	const char *err;
	char *b;

	if (v->guest || v->account_id == 0)
		return CORE_ERR("error.messages.guest", NULL);
	if ((b = clean_body(body)) == NULL)
		return CORE_ERR_ARG("error.forum.body_length", "body",
		    MESSAGE_BODY_MAX);
	if ((err = db_tx_begin(db, b, NULL)) != NULL)
		return CORE_ERR(err, NULL);
	if ((err = may_write(db, v, to)) == NULL &&
	    (err = conversation_for(db, v, to, now, &conv)) == NULL)
		err = append(db, v, conv, b, now, &mid);
	free(b);
	if ((err = db_tx_end(db, err)) != NULL) {
		if (strcmp(err, "error.messages.new_limit") == 0)
			return CORE_ERR_ARG(err, NULL, MESSAGES_NEW_PER_DAY);
		return CORE_ERR(err, NULL);
	}
	if (conversation_id != NULL)
		*conversation_id = conv;
	if (message_id != NULL)
		*message_id = mid;
	return CORE_OK;
}

/* The forums' sanitiser and limit for a body: NULL when it is blank or
 * longer than MESSAGE_BODY_MAX code points. */
static char *
clean_body(const char *s)
{
	char *c;

	if (s == NULL || strlen(s) > BODY_BYTES_MAX)
		return NULL;
	c = sanitize(s, strlen(s), SANITIZE_BODY, 0, 0);
	if (c[strspn(c, " \t\n")] == '\0' || utf8_count(c) > MESSAGE_BODY_MAX) {
		free(c);
		return NULL;
	}
	return c;
}

/* Whether the viewer may write to member to now; inside the transaction,
 * so the flood count is exact. A block either way gives one key, so the
 * sender never learns which side blocked. */
static const char *
may_write(struct db *db, const struct actor *v, int64_t to)
{
	struct account r;
	int64_t now = db_now(), until;

	until = db_scalar(db, "SELECT suspended_until FROM accounts "
	    "WHERE id = ?1", v->account_id, 0, -1);
	if (until < 0)
		return "error.messages.guest";
	if (until > now)
		return "error.forum.suspended";
	if (to == v->account_id)
		return "error.messages.self";
	/* An erased account keeps its row as "#ID" (core/domain-accounts.c)
	 * and takes no more messages. */
	if (account_by_id(db, to, &r) != 0 || r.name[0] == '#')
		return "error.messages.not_found";
	if (blocks_between(db, v->account_id, to))
		return "error.messages.blocked";
	if (v->posts_per_minute > 0 && v->role < ROLE_MODERATOR &&
	    db_scalar(db, "SELECT count(*) FROM pm_messages WHERE "
	    "author_id = ?1 AND created > ?2", v->account_id, now - 60, 0) >=
	    v->posts_per_minute)
		return "error.messages.flood";
	return NULL;
}

/* The pair's conversation into *id, started now when they have none (the
 * daily cap counts the conversations the viewer started). */
static const char *
conversation_for(struct db *db, const struct actor *v, int64_t to,
    int64_t now, int64_t *id)
{
	int64_t lo = v->account_id < to ? v->account_id : to;
	int64_t hi = v->account_id < to ? to : v->account_id;
	sqlite3_stmt *st;

	if ((*id = db_scalar(db, "SELECT id FROM pm_conversations WHERE "
	    "a_id = ?1 AND b_id = ?2", lo, hi, 0)) != 0)
		return NULL;
	if (v->role < ROLE_MODERATOR && db_scalar(db, "SELECT count(*) FROM "
	    "pm_conversations WHERE started_by = ?1 AND created > ?2",
	    v->account_id, now - DAY_SECONDS, 0) >= MESSAGES_NEW_PER_DAY)
		return "error.messages.new_limit";
	if ((st = db_prepare(db, "INSERT INTO pm_conversations (a_id, b_id, "
	    "started_by, created, last_at) VALUES (?1, ?2, ?3, ?4, ?4)")) ==
	    NULL)
		return "error.internal";
	sqlite3_bind_int64(st, 1, lo);
	sqlite3_bind_int64(st, 2, hi);
	sqlite3_bind_int64(st, 3, v->account_id);
	sqlite3_bind_int64(st, 4, now);
	if (db_step_done(st) != SQLITE_DONE)
		return "error.internal";
	*id = sqlite3_last_insert_rowid(db->h);
	if (db_exec_ints(db, "INSERT INTO pm_members (account_id, "
	    "conversation_id, other_id, last_at) VALUES (?1, ?2, ?3, 0), "
	    "(?3, ?2, ?1, 0)", v->account_id, *id, to) != 0)
		return "error.internal";
	return NULL;
}

/* Appends the message as the conversation's next seq and moves the
 * conversation's activity on both sides and the sender's read mark. */
static const char *
append(struct db *db, const struct actor *v, int64_t conv, const char *body,
    int64_t now, int64_t *mid)
{
	sqlite3_stmt *st;
	int64_t seq;

	assert(conv > 0);
	seq = db_scalar(db, "SELECT last_seq FROM pm_conversations "
	    "WHERE id = ?1", conv, 0, -1) + 1;
	if (seq < 1 || (st = db_prepare(db, "INSERT INTO pm_messages "
	    "(conversation_id, seq, author_id, body, created) "
	    "VALUES (?1, ?2, ?3, ?4, ?5)")) == NULL)
		return "error.internal";
	sqlite3_bind_int64(st, 1, conv);
	sqlite3_bind_int64(st, 2, seq);
	sqlite3_bind_int64(st, 3, v->account_id);
	db_bind_text(st, 4, body);
	sqlite3_bind_int64(st, 5, now);
	if (db_step_done(st) != SQLITE_DONE)
		return "error.internal";
	*mid = sqlite3_last_insert_rowid(db->h);
	if (db_exec_ints(db, "UPDATE pm_conversations SET last_seq = ?2, "
	    "last_at = ?3 WHERE id = ?1", conv, seq, now) != 0 ||
	    db_exec_ints(db, "UPDATE pm_members SET last_at = ?2 "
	    "WHERE conversation_id = ?1", conv, now, 0) != 0 ||
	    db_exec_ints(db, "UPDATE pm_members SET read_seq = ?3 "
	    "WHERE conversation_id = ?1 AND account_id = ?2", conv,
	    v->account_id, seq) != 0)
		return "error.internal";
	return NULL;
}
