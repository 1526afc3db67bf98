/* server/feeds-route: which feed a request gets, from its method and path
 * only: public feeds at /NAME, a member's at /u/TOKEN/NAME with their
 * token, and 404 for everything else, so a guesser learns nothing. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"
#include "core/actor.h"
#include "core/feed-tokens.h"
#include "core/output.h"
#include "server/feeds.h"

#include <stdio.h>
#include <string.h>

static int
no_write(const struct output_ctx *x)
{
	(void)x;
	return 0;
}

static const struct output test_outputs[] = {
	{ .name = "pub.ics", .who = OUTPUT_ANYONE, .help_key = "x",
	  .feed = true, .media_type = "text/calendar", .write = no_write },
	{ .name = "my.ics", .who = OUTPUT_MEMBERS, .help_key = "x",
	  .feed = true, .media_type = "text/calendar", .write = no_write },
	{ .name = "event-*.ics", .who = OUTPUT_ANYONE, .help_key = "x",
	  .feed = true, .media_type = "text/calendar", .write = no_write },
	{ .name = "whoami", .who = OUTPUT_MEMBERS, .help_key = "x",
	  .write = no_write },
	{ .name = "help", .who = OUTPUT_ANYONE, .help_key = "x",
	  .write = no_write },
};

static const struct output *
test_find(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof test_outputs / sizeof test_outputs[0]; i++)
		if (strcmp(test_outputs[i].name, name) == 0 ||
		    (strcmp(test_outputs[i].name, "event-*.ics") == 0 &&
		    strncmp(name, "event-", 6) == 0))
			return &test_outputs[i];
	return NULL;
}

static int
route(struct tdb *t, const char *method, const char *path,
    struct feeds_route *r)
{
	assert_int_equal(feeds_route(t->db, method, path, test_find, r), 0);
	return r->status;
}

static void
test_routes(void **state)
{
	struct tdb t;
	struct feeds_route r;
	struct actor ruta;
	char tok[FEED_TOKEN_LEN + 1], old[FEED_TOKEN_LEN + 1], path[128];

	(void)state;
	tdb_open(&t, "feeds");
	ruta = tdb_viewer(&t, "ruta", "lt", ROLE_MEMBER);
	assert_null(feed_token_get(t.db, &ruta, tok));

	/* Public feeds, by anyone, with GET and HEAD only. */
	assert_int_equal(route(&t, "GET", "/pub.ics", &r), 200);
	assert_ptr_equal(r.output, &test_outputs[0]);
	assert_int_equal(r.account_id, 0);
	assert_int_equal(route(&t, "HEAD", "/event-12.ics", &r), 200);
	assert_int_equal(route(&t, "POST", "/pub.ics", &r), 405);
	assert_int_equal(route(&t, "DELETE", "/pub.ics", &r), 405);
	assert_null(r.output);
	/* Not a feed, unknown, or not the public kind: nothing. */
	assert_int_equal(route(&t, "GET", "/help", &r), 404);
	assert_int_equal(route(&t, "GET", "/whoami", &r), 404);
	assert_int_equal(route(&t, "GET", "/nosuch.ics", &r), 404);
	assert_int_equal(route(&t, "GET", "/my.ics", &r), 404);
	assert_int_equal(route(&t, "GET", "/", &r), 404);
	assert_int_equal(route(&t, "GET", "pub.ics", &r), 404);

	/* A member's feed with their token names them. */
	snprintf(path, sizeof path, "/u/%s/my.ics", tok);
	assert_int_equal(route(&t, "GET", path, &r), 200);
	assert_ptr_equal(r.output, &test_outputs[1]);
	assert_int_equal(r.account_id, ruta.account_id);
	/* The public ones are not served under a token. */
	snprintf(path, sizeof path, "/u/%s/pub.ics", tok);
	assert_int_equal(route(&t, "GET", path, &r), 404);
	/* A wrong, short or renewed token is a 404 like an unknown name. */
	assert_int_equal(route(&t, "GET", "/u/abc/my.ics", &r), 404);
	snprintf(path, sizeof path, "/u/%.*sx/my.ics", FEED_TOKEN_LEN - 1, tok);
	assert_int_equal(route(&t, "GET", path, &r), 404);
	memcpy(old, tok, sizeof old);
	assert_null(feed_token_renew(t.db, &ruta, tok));
	snprintf(path, sizeof path, "/u/%s/my.ics", old);
	assert_int_equal(route(&t, "GET", path, &r), 404);
	assert_int_equal(r.account_id, 0);
	snprintf(path, sizeof path, "/u/%s/my.ics", tok);
	assert_int_equal(route(&t, "GET", path, &r), 200);
	tdb_close(&t);
}

static void
test_log_path(void **state)
{
	char out[128];

	(void)state;
	feeds_log_path("/u/SECRETSECRET/my.ics", out, sizeof out);
	assert_string_equal(out, "/u/-/my.ics");
	assert_null(strstr(out, "SECRET"));
	feeds_log_path("/calendar.ics", out, sizeof out);
	assert_string_equal(out, "/calendar.ics");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_routes),
		cmocka_unit_test(test_log_path),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
