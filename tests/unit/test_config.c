/* common/config: the public_host key (shown on screens, so only what a
 * host name or address with a port may hold gets in), port 0, the idle
 * times in seconds for tests, survey_min_group, and the example file's
 * defaults. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "common/config.h"

static void
test_public_host(void **state)
{
	struct config cfg;

	(void)state;
	config_defaults(&cfg);
	assert_string_equal(cfg.public_host, "");
	assert_int_equal(config_set(&cfg, "public_host", "tinklas.example.lt:2222"), 0);
	assert_string_equal(cfg.public_host, "tinklas.example.lt:2222");
	assert_int_equal(config_set(&cfg, "public_host", "[2001:db8::1]:2222"), 0);
	assert_string_equal(cfg.public_host, "[2001:db8::1]:2222");
	/* Nothing that could draw on a terminal or split the command. */
	assert_int_equal(config_set(&cfg, "public_host", "evil host"), -1);
	assert_int_equal(config_set(&cfg, "public_host", "\x1b[2Jx"), -1);
	assert_int_equal(config_set(&cfg, "public_host", "a;b"), -1);
	assert_string_equal(cfg.public_host, "[2001:db8::1]:2222");
	assert_int_equal(config_set(&cfg, "public_host", ""), 0);
	assert_string_equal(cfg.public_host, "");
	config_free(&cfg);
}

/* listen = ADDR:0 asks the system for a free port (the e2e tests run in
 * parallel so); past 65535 or without a port is still refused. */
static void
test_listen_port_zero(void **state)
{
	struct config cfg;

	(void)state;
	config_defaults(&cfg);
	assert_int_equal(cfg.port, 2222);
	assert_int_equal(config_set(&cfg, "listen", "127.0.0.1:0"), 0);
	assert_string_equal(cfg.listen_addr, "127.0.0.1");
	assert_int_equal(cfg.port, 0);
	assert_int_equal(config_set(&cfg, "listen", "[::1]:0"), 0);
	assert_string_equal(cfg.listen_addr, "::1");
	assert_int_equal(config_set(&cfg, "listen", "127.0.0.1:65536"), -1);
	assert_int_equal(config_set(&cfg, "listen", "127.0.0.1:-1"), -1);
	assert_int_equal(config_set(&cfg, "listen", "127.0.0.1"), -1);
	assert_int_equal(cfg.port, 0);
	config_free(&cfg);
}

/* The idle logout: minutes by default, seconds when the test keys are
 * set, for members and guests apart; the warning lead and the poll. */
static void
test_idle_seconds(void **state)
{
	struct config cfg;

	(void)state;
	config_defaults(&cfg);
	assert_int_equal(config_idle_seconds(&cfg, false), 30 * 60);
	assert_int_equal(config_idle_seconds(&cfg, true), 10 * 60);
	assert_int_equal(cfg.idle_warning_seconds, 60);
	assert_int_equal(cfg.notice_poll_ms, 5000);
	assert_int_equal(config_set(&cfg, "guest_idle_timeout", "2"), 0);
	assert_int_equal(config_idle_seconds(&cfg, true), 120);
	assert_int_equal(config_set(&cfg, "guest_idle_timeout_seconds", "4"), 0);
	assert_int_equal(config_idle_seconds(&cfg, true), 4);
	assert_int_equal(config_idle_seconds(&cfg, false), 30 * 60);
	assert_int_equal(config_set(&cfg, "idle_timeout_seconds", "7"), 0);
	assert_int_equal(config_idle_seconds(&cfg, false), 7);
	/* 0 gives the minutes back. */
	assert_int_equal(config_set(&cfg, "idle_timeout_seconds", "0"), 0);
	assert_int_equal(config_idle_seconds(&cfg, false), 30 * 60);
	assert_int_equal(config_set(&cfg, "idle_warning_seconds", "2"), 0);
	assert_int_equal(cfg.idle_warning_seconds, 2);
	assert_int_equal(config_set(&cfg, "idle_warning_seconds", "0"), -1);
	assert_int_equal(config_set(&cfg, "notice_poll_ms", "200"), 0);
	assert_int_equal(cfg.notice_poll_ms, 200);
	assert_int_equal(config_set(&cfg, "notice_poll_ms", "10"), -1);
	assert_int_equal(config_set(&cfg, "idle_timeout_seconds", "-1"), -1);
	assert_int_equal(cfg.notice_poll_ms, 200);
	config_free(&cfg);
}

static char *
read_all(const char *path)
{
	FILE *fp = fopen(path, "r");
	char *buf = calloc(1, 65536);
	size_t n;

	assert_non_null(fp);
	assert_non_null(buf);
	n = fread(buf, 1, 65535, fp);
	buf[n] = '\0';
	fclose(fp);
	return buf;
}

/* etc/tinklas.conf documents every key with its built-in default: loading
 * it over the defaults changes nothing (run from the top folder, as
 * tests/run-all does). */
static void
test_shipped_config(void **state)
{
	static const char *const keys[] = { "penalty_exempt",
	    "silent_grace_time", "shell_wait_time", "guest_sessions_per_source",
	    "guest_sessions_max", "registrations_per_hour", "accounts_per_hour",
	    "client_alive_interval", "client_alive_count_max",
	    "idle_timeout_seconds", "guest_idle_timeout_seconds",
	    "idle_warning_seconds", "notice_poll_ms", "feeds_listen", "feeds_url",
	    "feeds_connections", "feeds_per_source", "survey_min_group", NULL };
	struct config d, f;
	char err[256], line[64], *text;
	int i;

	(void)state;
	config_defaults(&d);
	config_defaults(&f);
	assert_int_equal(config_load(&f, "etc/tinklas.conf", true, err,
	    sizeof err), 0);
	assert_string_equal(f.penalty_exempt, d.penalty_exempt);
	assert_int_equal(f.guests_per_source, d.guests_per_source);
	assert_int_equal(f.guests_max, d.guests_max);
	assert_int_equal(f.registrations_per_hour, d.registrations_per_hour);
	assert_int_equal(f.accounts_per_hour, d.accounts_per_hour);
	assert_int_equal(f.shell_wait, d.shell_wait);
	assert_int_equal(f.silent_grace, d.silent_grace);
	assert_int_equal(f.alive_interval, d.alive_interval);
	assert_int_equal(f.alive_count_max, d.alive_count_max);
	assert_int_equal(f.sessions_per_account, d.sessions_per_account);
	assert_int_equal(f.login_grace, d.login_grace);
	assert_int_equal(f.penalty_max, d.penalty_max);
	assert_int_equal(f.idle_seconds, d.idle_seconds);
	assert_int_equal(f.guest_idle_seconds, d.guest_idle_seconds);
	assert_int_equal(f.idle_warning_seconds, d.idle_warning_seconds);
	assert_int_equal(f.notice_poll_ms, d.notice_poll_ms);
	assert_int_equal(f.port, d.port);
	assert_null(f.feeds_addr);
	assert_string_equal(f.feeds_url, d.feeds_url);
	assert_int_equal(f.feeds_connections, d.feeds_connections);
	assert_int_equal(f.survey_min_group, d.survey_min_group);
	assert_int_equal(f.feeds_per_source, d.feeds_per_source);
	/* A key the file leaves out would load fine too: each is there. */
	text = read_all("etc/tinklas.conf");
	for (i = 0; keys[i] != NULL; i++) {
		snprintf(line, sizeof line, "\n%s =", keys[i]);
		assert_non_null(strstr(text, line));
	}
	free(text);
	config_free(&d);
	config_free(&f);
}

/* feeds_listen: off when empty, an address like listen's otherwise;
 * feeds_url only http(s) and the characters of an address. */
static void
test_feeds(void **state)
{
	struct config cfg;

	(void)state;
	config_defaults(&cfg);
	assert_null(cfg.feeds_addr);
	assert_int_equal(config_set(&cfg, "feeds_listen", "127.0.0.1:8080"), 0);
	assert_string_equal(cfg.feeds_addr, "127.0.0.1");
	assert_int_equal(cfg.feeds_port, 8080);
	assert_int_equal(config_set(&cfg, "feeds_listen", "[::1]:0"), 0);
	assert_string_equal(cfg.feeds_addr, "::1");
	assert_int_equal(cfg.feeds_port, 0);
	assert_int_equal(config_set(&cfg, "feeds_listen", "nowhere"), -1);
	assert_string_equal(cfg.feeds_addr, "::1");
	assert_int_equal(config_set(&cfg, "feeds_listen", ""), 0);
	assert_null(cfg.feeds_addr);
	assert_int_equal(config_set(&cfg, "feeds_url",
	    "https://tinklas.example.lt/feeds"), 0);
	assert_string_equal(cfg.feeds_url, "https://tinklas.example.lt/feeds");
	assert_int_equal(config_set(&cfg, "feeds_url", "javascript:alert(1)"), -1);
	assert_int_equal(config_set(&cfg, "feeds_url", "https://x/\x1b[2J"), -1);
	assert_string_equal(cfg.feeds_url, "https://tinklas.example.lt/feeds");
	config_free(&cfg);
}

/* The breakdowns' minimum group: 5 unless set, 1 at the least. */
static void
test_survey_min_group(void **state)
{
	struct config cfg;

	(void)state;
	config_defaults(&cfg);
	assert_int_equal(cfg.survey_min_group, 5);
	assert_int_equal(config_set(&cfg, "survey_min_group", "10"), 0);
	assert_int_equal(cfg.survey_min_group, 10);
	assert_int_equal(config_set(&cfg, "survey_min_group", "0"), -1);
	assert_int_equal(config_set(&cfg, "survey_min_group", "1"), 0);
	assert_int_equal(cfg.survey_min_group, 1);
	config_free(&cfg);
}

/* config_read reports the line of a bad setting (the config fuzzer feeds
 * it from memory). */
static void
test_read_errors(void **state)
{
	static const char text[] = "# c\nlisten = 127.0.0.1:0\n\nnope\n";
	struct config cfg;
	char err[128];
	FILE *fp;

	(void)state;
	config_defaults(&cfg);
	fp = fmemopen((void *)text, sizeof text - 1, "r");
	assert_non_null(fp);
	assert_int_equal(config_read(&cfg, fp, "mem", err, sizeof err), -1);
	assert_string_equal(err, "mem:4: expected key = value");
	assert_int_equal(cfg.port, 0);
	fclose(fp);
	config_free(&cfg);
}

/* Reads text with config_read over the defaults into cfg: its result,
 * with the error line in err ("" when none). */
static int
read_text(struct config *cfg, const char *text, char *err, size_t errsz)
{
	FILE *fp = fmemopen((void *)text, strlen(text), "r");
	int rc;

	assert_non_null(fp);
	err[0] = '\0';
	config_defaults(cfg);
	rc = config_read(cfg, fp, "mem", err, errsz);
	fclose(fp);
	return rc;
}

/* expect_error TEXT ERR: TEXT is refused with exactly ERR. */
static void
expect_error(const char *text, const char *want)
{
	struct config cfg;
	char err[512];

	assert_int_equal(read_text(&cfg, text, err, sizeof err), -1);
	assert_string_equal(err, want);
	config_free(&cfg);
}

/* A refused setting says why, on the file's line: the serve start, the
 * SIGHUP reload and the admin commands all show this line. */
static void
test_read_reasons(void **state)
{
	char text[200], want[200];

	(void)state;
	expect_error("listen = 127.0.0.1:0\nno_such_key = 1\n",
	    "mem:2: unknown setting 'no_such_key'");
	expect_error("# a comment\n\nidle_timeout = banana\n",
	    "mem:3: 'idle_timeout' must be a whole number from 1 to 1440, "
	    "not 'banana'");
	expect_error("idle_timeout = 1441\n",
	    "mem:1: 'idle_timeout' must be a whole number from 1 to 1440, "
	    "not '1441'");
	expect_error("notice_poll_ms = 99\n",
	    "mem:1: 'notice_poll_ms' must be a whole number from 100 to 60000, "
	    "not '99'");
	expect_error("idle_timeout = 99999999999999999999\n",
	    "mem:1: 'idle_timeout' must be a whole number from 1 to 1440, "
	    "not '99999999999999999999'");
	snprintf(text, sizeof text, "admin_contact = %090d\n", 0);
	expect_error(text, "mem:1: 'admin_contact' is longer than 80 bytes "
	    "(it has 90)");
	expect_error("guest = maybe\n",
	    "mem:1: 'guest' must be yes or no, not 'maybe'");
	expect_error("timezone =\n", "mem:1: 'timezone' must not be empty");
	expect_error("listen = 2222\n", "mem:1: 'listen' must be HOST:PORT or "
	    "[IPv6]:PORT, PORT from 0 to 65535, not '2222'");
	expect_error("public_host = evil host\n", "mem:1: 'public_host' may "
	    "hold only letters, digits and . - : [ ] (HOST or HOST:PORT), "
	    "not 'evil host'");
	expect_error("feeds_url = javascript:alert\n", "mem:1: 'feeds_url' "
	    "must be empty or start with https:// or http://, not "
	    "'javascript:alert'");
	expect_error("max_startups = 10:30\n", "mem:1: 'max_startups' must be "
	    "BEGIN:RATE:FULL, whole numbers with BEGIN at least 1, RATE from 1 "
	    "to 100 and FULL at least BEGIN, not '10:30'");
	expect_error("= 5\n", "mem:1: expected key = value");
	/* The value echoed is escaped and cut at 40 bytes (4 + 36 here):
	 * the file may hold anything, the line goes to a log and a
	 * terminal. */
	snprintf(want, sizeof want, "mem:1: unknown setting "
	    "'\\x1b[2J%s...'", "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy");
	expect_error("\x1b[2Jyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy = 1\n",
	    want);
}

/* A line past the parser's buffer is refused as such, not read as two;
 * the longest one it takes is read whole (the control). */
static void
test_read_long_line(void **state)
{
	static char text[2200];
	struct config cfg;
	char err[256];

	(void)state;
	memcpy(text, "motd = ", 7);
	memset(text + 7, 'm', 1022 - 7);
	strcpy(text + 1022, "\nguest = no\n");
	assert_int_equal(read_text(&cfg, text, err, sizeof err), 0);
	assert_int_equal(strlen(cfg.motd), 1022 - 7);
	assert_false(cfg.guest);
	config_free(&cfg);
	memset(text + 7, 'm', 1100 - 7);
	strcpy(text + 1100, "\nguest = no\n");
	assert_int_equal(read_text(&cfg, text, err, sizeof err), -1);
	assert_string_equal(err, "mem:1: the line is longer than 1022 bytes");
	assert_true(cfg.guest);
	config_free(&cfg);
}

/* A good file: no error, every line applied (the control for the ones
 * above). */
static void
test_read_good(void **state)
{
	static const char text[] = "# Site\nlisten = [::1]:0\n"
	    "idle_timeout = 1440\nguest = off\n  admin_contact = Rūta, "
	    "ruta@example.lt  \nmotd =\nfeeds_listen =\n";
	struct config cfg;
	char err[256];

	(void)state;
	assert_int_equal(read_text(&cfg, text, err, sizeof err), 0);
	assert_string_equal(err, "");
	assert_string_equal(cfg.listen_addr, "::1");
	assert_int_equal(cfg.idle_minutes, 1440);
	assert_false(cfg.guest);
	assert_string_equal(cfg.admin_contact, "Rūta, ruta@example.lt");
	assert_string_equal(cfg.motd, "");
	assert_null(cfg.feeds_addr);
	config_free(&cfg);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_public_host),
		cmocka_unit_test(test_listen_port_zero),
		cmocka_unit_test(test_idle_seconds),
		cmocka_unit_test(test_shipped_config),
		cmocka_unit_test(test_feeds),
		cmocka_unit_test(test_survey_min_group),
		cmocka_unit_test(test_read_errors),
		cmocka_unit_test(test_read_reasons),
		cmocka_unit_test(test_read_long_line),
		cmocka_unit_test(test_read_good),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
