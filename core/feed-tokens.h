/* Each member's secret feed address: a random token in the path of the
 * feeds (https://HOST/feeds/u/TOKEN/my.ics) that stands for the account,
 * because calendar programs cannot log in. Settings shows it and can renew
 * it; renewing replaces it, so the old address stops working at once.
 * The token is kept as it is, not hashed: Settings must show it again
 * (as every calendar service's "secret address" does), and it opens only
 * the member's own read-only feeds. */
#ifndef TINKLAS_FEED_TOKENS_H
#define TINKLAS_FEED_TOKENS_H

#include <stdint.h>

struct actor;
struct db;

#define FEED_TOKEN_LEN	43	/* 32 random bytes, base64url without '=' */

/* The actor's token in out (FEED_TOKEN_LEN + 1 bytes), made now if the
 * account has none; the actor is a member (guests have no feeds). NULL,
 * or "error.internal". */
const char *feed_token_get(struct db *db, const struct actor *a, char *out);
/* A new token for the member in out; the old one stops working. Audited.
 * NULL or "error.internal". */
const char *feed_token_renew(struct db *db, const struct actor *a, char *out);
/* The account whose token this is: 1 and *id, 0 for none (also for any
 * text that is not a token's shape), -1 on a database error. */
int feed_token_account(struct db *db, const char *token, int64_t *id);

#endif
