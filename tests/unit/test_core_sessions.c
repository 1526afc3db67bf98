/* Live sessions per account (dead processes pruned) and the audit log. */
#include "core/accounts.h"
#include "core/audit.h"
#include "core/db.h"
#include "core/sessions.h"
#include "tests/unit/fixture.h"

#include <locale.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

struct fixture {
	struct tdb	 t;	/* first: tdb_new and tdb_teardown */
	struct db	*db;	/* t.db */
	int64_t		 ruta;
};

static int
setup(void **state)
{
	struct fixture *f = tdb_new(sizeof *f, "sess");

	f->db = f->t.db;
	f->ruta = tdb_account(&f->t, "ruta", "Rūta", "lt", ROLE_MODERATOR);
	*state = f;
	return 0;
}

/* A child that waits to be killed. */
static pid_t
sleeper(void)
{
	pid_t pid = fork();

	assert_true(pid >= 0);
	if (pid == 0) {
		pause();
		_exit(0);
	}
	return pid;
}

static void
reap(pid_t pid)
{
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
}

static void
test_limit_and_prune(void **state)
{
	struct fixture *f = *state;
	pid_t dead = sleeper(), live = sleeper();

	reap(dead);
	/* A row left behind by a process that died without ending it. */
	assert_int_equal(session_begin(f->db, f->ruta, dead, "10.0.0.1", 2), 0);
	assert_int_equal(session_count(f->db, f->ruta), 0);
	assert_int_equal(session_begin(f->db, f->ruta, live, "10.0.0.2", 2), 0);
	assert_int_equal(session_begin(f->db, f->ruta, getpid(), "::1", 2), 0);
	assert_int_equal(session_count(f->db, f->ruta), 2);
	assert_int_equal(session_begin(f->db, f->ruta, getppid(), "::1", 2),
	    SESSION_FULL);
	reap(live);
	assert_int_equal(session_begin(f->db, f->ruta, getppid(), "::1", 2),
	    0);
	assert_int_equal(session_count(f->db, f->ruta), 2);
	session_end(f->db, getpid());
	assert_int_equal(session_count(f->db, f->ruta), 1);
	session_end(f->db, getppid());
	assert_int_equal(session_count(f->db, f->ruta), 0);
}

/* "End the oldest session and continue": the oldest live row goes, the new
 * one comes in; a dead row is pruned rather than reported. */
static void
test_take_oldest(void **state)
{
	struct fixture *f = *state;
	pid_t old = sleeper(), young = sleeper(), dead = sleeper(), ended;

	reap(dead);
	assert_int_equal(session_begin(f->db, f->ruta, old, "10.0.0.1", 2), 0);
	sleep(1);	/* started is in seconds */
	assert_int_equal(session_begin(f->db, f->ruta, young, "10.0.0.2", 2),
	    0);
	/* Room already: nothing ends. */
	assert_int_equal(session_take_oldest(f->db, f->ruta, dead, "x", 3,
	    &ended), 0);
	assert_int_equal(ended, 0);
	assert_int_equal(session_count(f->db, f->ruta), 2);	/* dead pruned */
	sleep(1);
	assert_int_equal(session_take_oldest(f->db, f->ruta, getpid(), "::1",
	    2, &ended), 0);
	assert_int_equal(ended, old);
	assert_int_equal(session_count(f->db, f->ruta), 2);
	/* The limit lowered to 1: two must go, one per call. */
	assert_int_equal(session_take_oldest(f->db, f->ruta, getppid(), "::1",
	    1, &ended), SESSION_FULL);
	assert_int_equal(ended, young);
	assert_int_equal(session_take_oldest(f->db, f->ruta, getppid(), "::1",
	    1, &ended), 0);
	assert_int_equal(ended, getpid());
	assert_int_equal(session_count(f->db, f->ruta), 1);
	reap(old);
	reap(young);
}

struct seen {
	int	 n;
	char	 text[256];
};

static int
collect(const struct audit_entry *e, void *arg)
{
	struct seen *s = arg;

	s->n++;
	snprintf(s->text + strlen(s->text), sizeof s->text - strlen(s->text),
	    "%s|%s|%s|%s;", e->actor_name, e->action, e->target, e->detail);
	assert_true(e->at > 0);
	return 0;
}

static void
test_audit_order(void **state)
{
	struct fixture *f = *state;
	struct seen s = { 0 };

	assert_int_equal(audit_log(f->db, 0, "user.add", "jonas", "member"), 0);
	assert_int_equal(audit_log(f->db, f->ruta, "user.suspend", "jonas",
	    "spam\x1b[2J"), 0);
	assert_int_equal(audit_log(f->db, 0, "user.unsuspend", "jonas", NULL),
	    0);
	assert_int_equal(audit_each(f->db, 2, collect, &s), 2);
	assert_string_equal(s.text,
	    "|user.unsuspend|jonas|;ruta|user.suspend|jonas|spam[2J;");
	memset(&s, 0, sizeof s);
	assert_int_equal(audit_each(f->db, 0, collect, &s), 3);
	assert_string_equal(s.text, "|user.unsuspend|jonas|;"
	    "ruta|user.suspend|jonas|spam[2J;|user.add|jonas|member;");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_limit_and_prune, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_take_oldest, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_audit_order, setup,
		    tdb_teardown),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
