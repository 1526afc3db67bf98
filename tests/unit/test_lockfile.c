/* The data folder's server lock: while another process holds it, taking
 * it fails with EAGAIN; once that process has ended (here without
 * unlocking, as a crashed server would), it can be taken again. A child
 * forked by the holder does not hold it (record locks are not
 * inherited), so connection processes never keep a restart out. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "common/lockfile.h"

static char path[64];

/* Forks a child that runs fn and exits with its answer. */
static int
in_child(int (*fn)(void))
{
	pid_t pid;
	int st;

	if ((pid = fork()) == 0)
		_exit(fn());
	assert_true(pid > 0);
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st));
	return WEXITSTATUS(st);
}

/* 0 when the lock is free to take, 1 when someone holds it. */
static int
try_take(void)
{
	int fd = lockfile_take(path);

	if (fd >= 0) {
		close(fd);
		return 0;
	}
	return errno == EAGAIN ? 1 : 2;
}

/* Takes the lock and dies holding it. */
static int
take_and_die(void)
{
	return lockfile_take(path) >= 0 ? 0 : 3;
}

static void
test_held_then_free(void **state)
{
	int fd;

	(void)state;
	/* Positive control: nobody holds it, so a child takes it. */
	assert_int_equal(in_child(try_take), 0);
	fd = lockfile_take(path);
	assert_true(fd >= 0);
	/* Held here: another process is refused with EAGAIN... */
	assert_int_equal(in_child(try_take), 1);
	close(fd);
	/* ...and takes it once it is let go. */
	assert_int_equal(in_child(try_take), 0);
	/* A holder that dies without letting go does not keep it. */
	assert_int_equal(in_child(take_and_die), 0);
	fd = lockfile_take(path);
	assert_true(fd >= 0);
	close(fd);
}

/* The holder forks a child that keeps the inherited descriptor open; once
 * the holder lets go, the lock is free although the child still runs. */
static void
test_not_inherited(void **state)
{
	int fd, gate[2], st;
	pid_t kid;
	char c;

	(void)state;
	fd = lockfile_take(path);
	assert_true(fd >= 0);
	assert_int_equal(pipe(gate), 0);
	if ((kid = fork()) == 0) {
		close(gate[1]);
		(void)read(gate[0], &c, 1);	/* until the test is done */
		_exit(0);
	}
	assert_true(kid > 0);
	close(gate[0]);
	/* Positive control: while the holder has it, it is taken. */
	assert_int_equal(in_child(try_take), 1);
	close(fd);
	assert_int_equal(in_child(try_take), 0);
	close(gate[1]);
	assert_int_equal(waitpid(kid, &st, 0), kid);
}

static void
test_missing_folder(void **state)
{
	(void)state;
	errno = 0;
	assert_int_equal(lockfile_take("/nonexistent-tinklas/serve.lock"), -1);
	assert_int_equal(errno, ENOENT);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_held_then_free),
		cmocka_unit_test(test_not_inherited),
		cmocka_unit_test(test_missing_folder),
	};
	char dir[] = "/tmp/tinklas-lock.XXXXXX";
	int rc;

	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/serve.lock", dir);
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	unlink(path);
	rmdir(dir);
	return rc;
}
