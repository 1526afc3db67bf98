/* Members' secret feed addresses (see feed-tokens.h). */
#include "core/feed-tokens.h"
#include "core/actor.h"
#include "core/db-internal.h"
#include "common/base64.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

static int	token_make(char *);
static int	token_store(struct db *, int64_t, const char *);
static int	token_shape_ok(const char *);

static int
token_make(char *out)
{
	uint8_t raw[32];
	char *b, *p;

	if (getrandom(raw, sizeof raw, 0) != (ssize_t)sizeof raw)
		return -1;
	/* base64url (RFC 4648 section 5): safe in a path as it is. */
	b = base64_encode(raw, sizeof raw, false);
	for (p = b; *p != '\0'; p++)
		*p = *p == '+' ? '-' : *p == '/' ? '_' : *p;
	assert(strlen(b) == FEED_TOKEN_LEN);
	memcpy(out, b, FEED_TOKEN_LEN + 1);
	free(b);
	return 0;
}

static int
token_store(struct db *db, int64_t id, const char *token)
{
	sqlite3_stmt *st = db_prepare(db, "INSERT INTO feed_tokens "
	    "(account_id, token, created) VALUES (?1, ?2, ?3) "
	    "ON CONFLICT (account_id) DO UPDATE SET token = ?2, created = ?3");

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, token);
	sqlite3_bind_int64(st, 3, db_now());
	return db_step_done(st) == SQLITE_DONE ? 0 : -1;
}

static int
token_shape_ok(const char *s)
{
	return strlen(s) == FEED_TOKEN_LEN && strspn(s,
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
	    FEED_TOKEN_LEN;
}

const char *
feed_token_get(struct db *db, const struct actor *a, char *out)
{
	sqlite3_stmt *st;
	const char *err;
	int rc;

	assert(!a->guest && a->account_id > 0);	/* members only */
	if ((st = db_prepare(db, "SELECT token FROM feed_tokens "
	    "WHERE account_id = ?1")) == NULL)
		return "error.internal";
	sqlite3_bind_int64(st, 1, a->account_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		db_column_copy(st, 0, out, FEED_TOKEN_LEN + 1);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return NULL;
	if (rc != SQLITE_DONE)
		return "error.internal";
	/* The first look makes one; no audit, nothing changed hands. */
	if ((err = db_tx_begin(db, NULL, NULL)) != NULL)
		return err;
	if (token_make(out) != 0 || token_store(db, a->account_id, out) != 0)
		err = "error.internal";
	return db_tx_end(db, err);
}

const char *
feed_token_renew(struct db *db, const struct actor *a, char *out)
{
	const char *err;

	assert(!a->guest && a->account_id > 0);	/* members only */
	if ((err = db_tx_begin(db, NULL, NULL)) != NULL)
		return err;
	if (token_make(out) != 0 || token_store(db, a->account_id, out) != 0)
		err = "error.internal";
	else
		err = db_audit(db, a, "account", a->account_id, "feed.renew", "");
	return db_tx_end(db, err);
}

int
feed_token_account(struct db *db, const char *token, int64_t *id)
{
	sqlite3_stmt *st;
	int rc;

	if (token == NULL || !token_shape_ok(token))
		return 0;
	if ((st = db_prepare(db, "SELECT t.account_id FROM feed_tokens t "
	    "JOIN accounts a ON a.id = t.account_id "
	    "WHERE t.token = ?1 AND a.pwhash != '!'")) == NULL)
		return -1;
	db_bind_text(st, 1, token);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}
