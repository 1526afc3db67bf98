/* Running a site: log_error's capped error file (common/log.c), the
 * server's reload of its config (server/reload.c), the backups table and
 * the session totals `tinklas admin status` reads. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "common/config.h"
#include "common/log.h"
#include "common/xalloc.h"
#include "core/backups.h"
#include "core/db.h"
#include "core/sessions.h"
#include "server/reload.h"

static char *
temp_dir(void)
{
	char tmpl[] = "/tmp/tinklas-ops.XXXXXX";

	assert_non_null(mkdtemp(tmpl));
	return xstrdup(tmpl);
}

static long long
size_of(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? (long long)st.st_size : -1;
}

static void
write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static char *
read_text(const char *path)
{
	static char buf[LOG_ERRORS_MAX + 1];
	FILE *f = fopen(path, "r");
	size_t n;

	assert_non_null(f);
	n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

/* Errors go to the file, other lines do not; the file never grows past
 * LOG_ERRORS_MAX, the older lines moving to FILE.1. */
static void
test_error_file(void **state)
{
	char *dir = temp_dir(), *path, *old;
	int i, saved, null;

	(void)state;
	/* The lines go to stderr too: not into the test's output. */
	saved = dup(STDERR_FILENO);
	null = open("/dev/null", O_WRONLY);
	dup2(null, STDERR_FILENO);
	close(null);
	path = xasprintf("%s/errors.log", dir);
	old = xasprintf("%s.1", path);
	log_set_error_file(path);
	log_info("an ordinary line");
	assert_int_equal(size_of(path), -1);
	log_error("disk on fire: %s", "\x1b[2J");
	assert_non_null(strstr(read_text(path), "disk on fire: \\x1b[2J\n"));
	for (i = 0; i < 2000; i++)
		log_error("error number %d, padded to be long enough to fill "
		    "the file in a few hundred lines", i);
	assert_true(size_of(path) <= LOG_ERRORS_MAX);
	assert_true(size_of(old) > LOG_ERRORS_MAX - 200);
	assert_true(size_of(old) <= LOG_ERRORS_MAX);
	assert_non_null(strstr(read_text(path), "error number 1999,"));
	log_set_error_file(NULL);
	log_error("nowhere");
	assert_null(strstr(read_text(path), "nowhere"));
	dup2(saved, STDERR_FILENO);
	close(saved);
	unlink(path);
	unlink(old);
	rmdir(dir);
	free(old);
	free(path);
	free(dir);
}

/* A good file gives new settings and a serve.conf that reads back to
 * them, with listen and data kept; a bad one is refused and serve.conf
 * stays as it was. */
static void
test_reload(void **state)
{
	struct config cur, back, *next;
	char *dir = temp_dir(), *file, *active, *text, err[256];

	(void)state;
	file = xasprintf("%s/tinklas.conf", dir);
	write_text(file, "listen = 127.0.0.1:2222\nmotd = one\n");
	config_defaults(&cur);
	assert_int_equal(config_load(&cur, file, true, err, sizeof err), 0);
	config_set(&cur, "data", dir);
	active = reload_start(&cur, file);
	assert_non_null(active);
	assert_non_null(strstr(active, "/serve.conf"));
	assert_non_null(strstr(read_text(active), "motd = one"));

	write_text(file, "listen = 127.0.0.1:2300\ndata = /elsewhere\n"
	    "motd = two\nsessions_per_account = 7\n");
	next = reload_config(&cur, file, active, "127.0.0.1:2222");
	assert_non_null(next);
	assert_string_equal(next->motd, "two");
	assert_int_equal(next->sessions_per_account, 7);
	assert_int_equal(next->port, 2222);
	assert_string_equal(next->data_dir, dir);
	config_defaults(&back);
	assert_int_equal(config_load(&back, active, true, err, sizeof err), 0);
	assert_string_equal(back.motd, "two");
	assert_int_equal(back.port, 2222);
	assert_string_equal(back.data_dir, dir);
	config_free(&back);

	write_text(file, "motd = three\nsessions_per_account = many\n");
	assert_null(reload_config(next, file, active, "127.0.0.1:2222"));
	text = read_text(active);
	assert_non_null(strstr(text, "motd = two"));
	assert_null(strstr(text, "three"));
	write_text(file, "penalty_exempt = not-an-address\n");
	assert_null(reload_config(next, file, active, "127.0.0.1:2222"));
	assert_null(reload_config(next, NULL, active, "127.0.0.1:2222"));

	config_free(next);
	free(next);
	config_free(&cur);
	unlink(active);
	unlink(file);
	rmdir(dir);
	free(active);
	free(file);
	free(dir);
}

/* The newest backup wins; none before the first. */
static void
test_backups_and_totals(void **state)
{
	struct backup_entry b;
	struct db *db;
	char *dir = temp_dir(), *path, err[256];
	int members = -1, guests = -1;

	(void)state;
	path = xasprintf("%s/tinklas.db", dir);
	assert_int_equal(db_open(path, &db, err, sizeof err), 0);
	assert_int_equal(backup_last(db, &b), 0);
	assert_int_equal(backup_record(db, "/b/one.db", 100), 0);
	assert_int_equal(backup_record(db, "/b/two.db", 200), 0);
	assert_int_equal(backup_last(db, &b), 1);
	assert_string_equal(b.path, "/b/two.db");
	assert_int_equal(b.bytes, 200);
	assert_true(b.at > 0);
	assert_int_equal(session_totals(db, &members, &guests, NULL), 0);
	assert_int_equal(members, 0);
	assert_int_equal(guests, 0);
	db_close(db);
	free(path);
	assert_int_equal(system((path = xasprintf("rm -rf %s", dir))), 0);
	free(path);
	free(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_error_file),
		cmocka_unit_test(test_reload),
		cmocka_unit_test(test_backups_and_totals),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
