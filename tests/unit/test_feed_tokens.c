/* core/feed-tokens: each member's secret feed address is made on first
 * look, stays the same until renewed, names the member, and stops working
 * when renewed or when the account is erased. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"
#include "core/actor.h"
#include "core/domain.h"
#include "core/feed-tokens.h"

#include <string.h>

static void
test_token_life(void **state)
{
	struct tdb t;
	struct actor ruta, jonas;
	char a[FEED_TOKEN_LEN + 1], b[FEED_TOKEN_LEN + 1];
	char c[FEED_TOKEN_LEN + 1], j[FEED_TOKEN_LEN + 1];
	int64_t id = 0;

	(void)state;
	tdb_open(&t, "feedtok");
	ruta = tdb_viewer(&t, "ruta", "lt", ROLE_MEMBER);
	jonas = tdb_viewer(&t, "jonas", "lt", ROLE_MEMBER);
	assert_null(feed_token_get(t.db, &ruta, a));
	assert_int_equal(strlen(a), FEED_TOKEN_LEN);
	assert_int_equal(strspn(a, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnop"
	    "qrstuvwxyz0123456789-_"), FEED_TOKEN_LEN);
	/* The same on the next look: nothing changes by looking. */
	assert_null(feed_token_get(t.db, &ruta, b));
	assert_string_equal(a, b);
	assert_int_equal(audit_count(t.db, "feed.renew"), 0);
	assert_null(feed_token_get(t.db, &jonas, j));
	assert_string_not_equal(a, j);
	assert_int_equal(feed_token_account(t.db, a, &id), 1);
	assert_int_equal(id, ruta.account_id);
	assert_int_equal(feed_token_account(t.db, j, &id), 1);
	assert_int_equal(id, jonas.account_id);
	/* Renewed: the old address stops at once, the new one works. */
	assert_null(feed_token_renew(t.db, &ruta, c));
	assert_string_not_equal(a, c);
	assert_int_equal(feed_token_account(t.db, a, &id), 0);
	assert_int_equal(feed_token_account(t.db, c, &id), 1);
	assert_int_equal(id, ruta.account_id);
	assert_int_equal(audit_count(t.db, "feed.renew"), 1);
	/* Anything not of a token's shape is nobody's, without a lookup. */
	assert_int_equal(feed_token_account(t.db, "", &id), 0);
	assert_int_equal(feed_token_account(t.db, NULL, &id), 0);
	assert_int_equal(feed_token_account(t.db, "x' OR '1'='1", &id), 0);
	/* Erased: the address is gone with the account. */
	assert_int_equal(domain_erase(t.db, ruta.account_id, 0,
	    ERASE_REMOVE_WRITING), 0);
	assert_int_equal(feed_token_account(t.db, c, &id), 0);
	assert_int_equal(feed_token_account(t.db, j, &id), 1);
	tdb_close(&t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_token_life),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
