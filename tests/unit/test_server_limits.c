/* The listener's pure logic: source keys, OpenSSH 9.8-style penalties,
 * MaxStartups random early drop, the UI process's argv and environment. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "common/config.h"
#include "server/conn_status.h"
#include "server/limits.h"
#include "server/uiargs.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

static struct source_key
key_of(const char *addr)
{
	struct sockaddr_in sin = { .sin_family = AF_INET };
	struct sockaddr_in6 sin6 = { .sin6_family = AF_INET6 };
	struct source_key k;

	if (inet_pton(AF_INET, addr, &sin.sin_addr) == 1)
		assert_int_equal(source_key_from_sockaddr(
		    (struct sockaddr *)&sin, &k), 0);
	else {
		assert_int_equal(inet_pton(AF_INET6, addr, &sin6.sin6_addr), 1);
		assert_int_equal(source_key_from_sockaddr(
		    (struct sockaddr *)&sin6, &k), 0);
	}
	return k;
}

/* Registration sessions per source over a sliding hour, bounded. */
static void
test_recent_window(void **state)
{
	struct recent_table t = { 0 };
	struct source_key a = key_of("192.0.2.1"), b = key_of("192.0.2.2");
	int64_t hour = 3600 * 1000;
	int i;

	(void)state;
	recent_add(&t, &a, 1000);
	recent_add(&t, &b, 2000);
	recent_add(&t, &a, 3000);
	assert_int_equal(recent_count(&t, &a, 4000, hour), 2);
	assert_int_equal(recent_count(&t, &b, 4000, hour), 1);
	/* An hour after the first, it no longer counts. */
	assert_int_equal(recent_count(&t, &a, 1000 + hour, hour), 1);
	assert_int_equal(recent_count(&t, &b, 2000 + hour, hour), 0);
	assert_int_equal(t.n, 1);
	for (i = 0; i < RECENT_TABLE_MAX + 10; i++)
		recent_add(&t, &b, 5000 + hour);
	assert_int_equal(t.n, RECENT_TABLE_MAX);
	assert_int_equal(recent_count(&t, &a, 5000 + hour, hour), 0);
	recent_free(&t);
}

/* penalty_exempt: addresses and CIDR blocks, v4, v6 and v4-mapped. */
static void
test_exempt_list(void **state)
{
	struct source_net *v;
	int n;

	(void)state;
	assert_int_equal(source_nets_parse("", &v), 0);
	assert_false(source_nets_match(v, 0, "10.1.2.3"));
	free(v);
	n = source_nets_parse(" 10.0.0.0/8, 192.0.2.7  2001:db8::/32,"
	    "198.51.100.128/25", &v);
	assert_int_equal(n, 4);
	assert_true(source_nets_match(v, n, "10.200.3.4"));
	assert_false(source_nets_match(v, n, "11.0.0.1"));
	assert_true(source_nets_match(v, n, "192.0.2.7"));
	assert_false(source_nets_match(v, n, "192.0.2.8"));
	assert_true(source_nets_match(v, n, "::ffff:192.0.2.7"));
	assert_true(source_nets_match(v, n, "2001:db8:1::5"));
	assert_false(source_nets_match(v, n, "2001:db9::5"));
	assert_true(source_nets_match(v, n, "198.51.100.200"));
	assert_false(source_nets_match(v, n, "198.51.100.127"));
	assert_false(source_nets_match(v, n, "not-an-address"));
	free(v);
	assert_int_equal(source_nets_parse("10.0.0.0/33", &v), -1);
	assert_int_equal(source_nets_parse("10.0.0.0/", &v), -1);
	assert_int_equal(source_nets_parse("example.org", &v), -1);
	assert_int_equal(source_nets_parse("::1/129", &v), -1);
}

static void
test_source_keys(void **state)
{
	struct source_key a, b;

	(void)state;
	a = key_of("192.0.2.1");
	b = key_of("192.0.2.2");
	assert_false(source_key_equal(&a, &b));		/* IPv4: /32 */
	b = key_of("::ffff:192.0.2.1");
	assert_true(source_key_equal(&a, &b));		/* mapped = v4 */
	a = key_of("2001:db8:1:2:aaaa::1");
	b = key_of("2001:db8:1:2:bbbb::9");
	assert_true(source_key_equal(&a, &b));		/* IPv6: /64 */
	b = key_of("2001:db8:1:3::1");
	assert_false(source_key_equal(&a, &b));
}

static void
test_penalty_kinds(void **state)
{
	(void)state;
	/* Wait statuses as waitpid fills them. */
	assert_int_equal(penalty_for_status(CONN_EXIT_AUTHFAIL << 8, false),
	    PENALTY_AUTHFAIL);
	assert_int_equal(penalty_for_status(CONN_EXIT_NOAUTH << 8, false),
	    PENALTY_NOAUTH);
	assert_int_equal(penalty_for_status(CONN_EXIT_GRACE << 8, false),
	    PENALTY_GRACE);
	assert_int_equal(penalty_for_status(0, false), PENALTY_NONE);
	assert_int_equal(penalty_for_status(CONN_EXIT_ERROR << 8, false),
	    PENALTY_NONE);
	assert_int_equal(penalty_for_status(CONN_EXIT_REFUSED << 8, true),
	    PENALTY_NONE);
	/* After logging in, only a crash costs. */
	assert_int_equal(penalty_for_status(CONN_EXIT_AUTHFAIL << 8, true),
	    PENALTY_NONE);
	assert_int_equal(penalty_for_status(SIGSEGV, true), PENALTY_CRASH);
	assert_int_equal(penalty_for_status(SIGABRT, false), PENALTY_CRASH);
}

static void
defaults(struct config *cfg)
{
	config_defaults(cfg);
	assert_int_equal(cfg->penalty_authfail, 5);
	assert_int_equal(cfg->penalty_noauth, 1);
	assert_int_equal(cfg->penalty_grace, 10);
	assert_int_equal(cfg->penalty_crash, 90);
	assert_int_equal(cfg->penalty_min, 15);
	assert_int_equal(cfg->penalty_max, 600);
}

static void
test_penalty_accumulates(void **state)
{
	struct config cfg;
	struct penalty_table t;
	struct source_key k = key_of("198.51.100.7");
	struct source_key other = key_of("198.51.100.8");
	int left;

	(void)state;
	defaults(&cfg);
	penalty_init(&t, &cfg);
	/* Two failed logins: 10 s, under the 15 s threshold. */
	assert_int_equal(penalty_add(&t, &k, PENALTY_AUTHFAIL, 0), 5);
	assert_int_equal(penalty_add(&t, &k, PENALTY_AUTHFAIL, 0), 10);
	assert_false(penalty_refused(&t, &k, 0, &left));
	/* The third reaches 15 s: refused. */
	assert_int_equal(penalty_add(&t, &k, PENALTY_AUTHFAIL, 0), 15);
	assert_true(penalty_refused(&t, &k, 1000, &left));
	assert_int_equal(left, 14);
	/* Another source is not touched (a school behind one NAT has many). */
	assert_false(penalty_refused(&t, &other, 1000, &left));
	/* Refused until it expires, then forgotten. */
	assert_true(penalty_refused(&t, &k, 14999, &left));
	assert_false(penalty_refused(&t, &k, 15000, &left));
	assert_int_equal(t.n, 0);
	penalty_free(&t);
	config_free(&cfg);
}

static void
test_penalty_decays_and_caps(void **state)
{
	struct config cfg;
	struct penalty_table t;
	struct source_key k = key_of("203.0.113.9");
	int left, i;

	(void)state;
	defaults(&cfg);
	penalty_init(&t, &cfg);
	/* Failures spread out in time never add up to a refusal. */
	for (i = 0; i < 10; i++)
		penalty_add(&t, &k, PENALTY_AUTHFAIL, (int64_t)i * 6000);
	assert_false(penalty_refused(&t, &k, 54000, &left));
	/* A crash is 90 s at once; ten of them stop at the 600 s cap. */
	for (i = 0; i < 10; i++)
		penalty_add(&t, &k, PENALTY_CRASH, 100000);
	assert_true(penalty_refused(&t, &k, 100000, &left));
	assert_int_equal(left, 600);
	assert_int_equal(penalty_add(&t, &k, PENALTY_NONE, 100000), 0);
	penalty_free(&t);
	config_free(&cfg);
}

static void
test_penalty_table_bounded(void **state)
{
	struct config cfg;
	struct penalty_table t;
	struct sockaddr_in sin = { .sin_family = AF_INET };
	struct source_key k;
	uint32_t i;

	(void)state;
	defaults(&cfg);
	penalty_init(&t, &cfg);
	for (i = 0; i < PENALTY_TABLE_MAX + 100; i++) {
		sin.sin_addr.s_addr = htonl(0x0a000000 + i);
		source_key_from_sockaddr((struct sockaddr *)&sin, &k);
		penalty_add(&t, &k, PENALTY_GRACE, 0);
	}
	assert_int_equal(t.n, PENALTY_TABLE_MAX);
	penalty_free(&t);
	config_free(&cfg);
}

static void
test_startups(void **state)
{
	uint32_t r;
	int drops;

	(void)state;
	/* 10:30:60 */
	for (r = 0; r < 100; r++) {
		assert_false(startups_drop(9, 10, 30, 60, r));
		assert_true(startups_drop(60, 10, 30, 60, r));
		assert_true(startups_drop(75, 10, 30, 60, r));
	}
	/* At begin, 30 % are dropped; halfway, 65 %. */
	for (drops = 0, r = 0; r < 100; r++)
		drops += startups_drop(10, 10, 30, 60, r);
	assert_int_equal(drops, 30);
	for (drops = 0, r = 0; r < 100; r++)
		drops += startups_drop(35, 10, 30, 60, r);
	assert_int_equal(drops, 65);
}

static void
test_ui_args(void **state)
{
	struct ui_args a = {
		.config_file = "/etc/tinklas.conf", .data_dir = "/var/lib/t",
		.who = UI_ARGS_ACCOUNT, .account_id = 42, .term = "xterm",
		.cols = 80, .rows = 24, .lang = "uk", .utf8 = 1,
	};
	const char *want[] = { "/bin/tinklas", "ui", "--config",
	    "/etc/tinklas.conf", "--data", "/var/lib/t", "--account", "42",
	    "--term", "xterm", "--size", "80x24", "--lang", "uk", "--utf8",
	    "yes", NULL };
	char **v, **e;
	int i;

	(void)state;
	v = ui_args_argv("/bin/tinklas", &a);
	for (i = 0; want[i] != NULL; i++)
		assert_string_equal(v[i], want[i]);
	assert_null(v[i]);
	ui_args_free(v);

	a.config_file = NULL;
	a.who = UI_ARGS_GUEST;
	a.plain = true;
	a.utf8 = -1;
	v = ui_args_argv("/bin/tinklas", &a);
	assert_string_equal(v[2], "--data");
	assert_string_equal(v[4], "--guest");
	assert_string_equal(v[11], "--plain");
	assert_null(v[12]);		/* no --utf8: the UI probes */
	ui_args_free(v);
	a.session_id = 42;	/* its row of core/sessions.h */
	v = ui_args_argv("/bin/tinklas", &a);
	assert_string_equal(v[12], "--session");
	assert_string_equal(v[13], "42");
	assert_null(v[14]);
	ui_args_free(v);
	a.session_id = 0;

	e = ui_args_envp(&a);
	assert_string_equal(e[0], "TERM=xterm");
	assert_string_equal(e[1], "LANG=C.UTF-8");
	assert_string_equal(e[2], "PATH=/usr/bin:/bin");
	assert_string_equal(e[3], "TINKLAS_DATA=/var/lib/t");
	assert_null(e[4]);
	ui_args_free(e);
	a.no_color = true;	/* the client sent NO_COLOR: passed on */
	e = ui_args_envp(&a);
	assert_string_equal(e[4], "NO_COLOR=1");
	assert_null(e[5]);
	ui_args_free(e);
}

static void
test_term_sanitised(void **state)
{
	char out[64];

	(void)state;
	assert_string_equal(ui_args_term("xterm-256color", out, sizeof out),
	    "xterm-256color");
	assert_string_equal(ui_args_term("rxvt-unicode+x.y_z!", out,
	    sizeof out), "rxvt-unicode+x.y_z");
	assert_string_equal(ui_args_term("xterm\x1b]0;pwned\x07", out,
	    sizeof out), "xterm0pwned");
	assert_string_equal(ui_args_term("../../etc/x", out, sizeof out),
	    "....etcx");
	assert_string_equal(ui_args_term("", out, sizeof out), "vt100");
	assert_string_equal(ui_args_term("$(;)", out, sizeof out), "vt100");
	assert_string_equal(ui_args_term("abcdefgh", out, 5), "abcd");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_source_keys),
		cmocka_unit_test(test_penalty_kinds),
		cmocka_unit_test(test_penalty_accumulates),
		cmocka_unit_test(test_penalty_decays_and_caps),
		cmocka_unit_test(test_penalty_table_bounded),
		cmocka_unit_test(test_startups),
		cmocka_unit_test(test_exempt_list),
		cmocka_unit_test(test_recent_window),
		cmocka_unit_test(test_ui_args),
		cmocka_unit_test(test_term_sanitised),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
