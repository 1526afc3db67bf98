/* Live sessions (dead processes pruned, a reused pid too), guests among
 * them, ending one, and the audit log. */
#include "common/procstat.h"
#include "core/accounts.h"
#include "core/actor.h"
#include "core/audit.h"
#include "core/db.h"
#include "core/db-internal.h"
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
	pid_t dead = tfx_sleeper(), live = tfx_sleeper();

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
	pid_t old = tfx_sleeper(), young = tfx_sleeper(), dead = tfx_sleeper(), ended;

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

/* A row whose pid is alive but names a later process (the start time
 * differs: the pid was reused) is dead, and is pruned. */
static void
test_reused_pid(void **state)
{
	struct fixture *f = *state;
	int members, guests;

	assert_true(proc_starttime(getpid()) >= 0);
	assert_int_equal(proc_starttime(0), -1);
	assert_int_equal(session_begin(f->db, f->ruta, getpid(), "::1", 1), 0);
	assert_int_equal(session_count(f->db, f->ruta), 1);
	assert_true(session_id_of(f->db, getpid()) > 0);
	/* The positive control above; now the same pid, another process. */
	assert_int_equal(sqlite3_exec(f->db->h, "UPDATE sessions SET "
	    "starttime = starttime + 1", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(session_id_of(f->db, getpid()), 0);
	assert_int_equal(session_totals(f->db, &members, &guests, NULL), 0);
	assert_int_equal(members, 0);
	assert_int_equal(db_scalar(f->db, "SELECT count(*) FROM sessions", 0, 0,
	    -1), 0);
	/* A limit of 1 lets the member in again. */
	assert_int_equal(session_begin(f->db, f->ruta, getpid(), "::1", 1), 0);
	assert_int_equal(session_count(f->db, f->ruta), 1);
}

struct listed {
	int	 n;
	char	 text[256];
};

/* Notes each session as "kind:name:part;". */
static int
list_row(const struct session_info *si, void *arg)
{
	struct listed *s = arg;
	static const char *const kinds[] = { "member", "guest", "register" };

	s->n++;
	snprintf(s->text + strlen(s->text), sizeof s->text - strlen(s->text),
	    "%s:%s:%s;", kinds[si->kind], si->name, si->part);
	return 0;
}

/* Guests and newcomers are counted; a member with two sessions is one
 * member online; what a session says of its part is listed. */
static void
test_guests_and_totals(void **state)
{
	struct fixture *f = *state;
	pid_t a = tfx_sleeper(), b = tfx_sleeper(), c = tfx_sleeper();
	int members, guests, sessions;
	struct listed seen = { 0 };
	int64_t id;

	assert_int_equal(session_totals(f->db, &members, &guests, NULL), 0);
	assert_int_equal(members + guests, 0);
	assert_int_equal(session_begin(f->db, f->ruta, a, "10.0.0.1", 3), 0);
	assert_int_equal(session_begin(f->db, f->ruta, b, "10.0.0.2", 3), 0);
	assert_int_equal(session_begin_guest(f->db, SESSION_GUEST, c,
	    "10.0.0.3"), 0);
	assert_int_equal(session_begin_guest(f->db, SESSION_REGISTER, getpid(),
	    "10.0.0.4"), 0);
	assert_int_equal(session_totals(f->db, &members, &guests, &sessions),
	    0);
	assert_int_equal(members, 1);
	assert_int_equal(guests, 2);
	/* ruta's two sessions are two of the four listed. */
	assert_int_equal(sessions, 4);
	/* Guests do not count toward a member's limit. */
	assert_int_equal(session_count(f->db, f->ruta), 2);
	id = session_id_of(f->db, c);
	assert_true(id > 0);
	assert_int_equal(session_where(f->db, id, "forums"), 0);
	assert_int_equal(session_each(f->db, list_row, &seen), 4);
	assert_string_equal(seen.text, "member:ruta:;member:ruta:;"
	    "guest::forums;register::;");
	/* The newcomer registered: a member now, two members online. */
	assert_int_equal(session_login(f->db, session_id_of(f->db, getpid()),
	    tdb_account(&f->t, "jonas", "Jonas", "lt", ROLE_MEMBER)), 0);
	assert_int_equal(session_totals(f->db, &members, &guests, NULL), 0);
	assert_int_equal(members, 2);
	assert_int_equal(guests, 1);
	/* A guest that dies stops counting. */
	reap(c);
	assert_int_equal(session_totals(f->db, &members, &guests, NULL), 0);
	assert_int_equal(guests, 0);
	reap(a);
	reap(b);
	assert_int_equal(session_totals(f->db, &members, &guests, NULL), 0);
	assert_int_equal(members, 1);
	/* At server start the dead rows go, a live one stays. */
	assert_int_equal(session_begin_guest(f->db, SESSION_GUEST, getppid(),
	    "x"), 0);
	c = tfx_sleeper();
	assert_int_equal(session_begin_guest(f->db, SESSION_GUEST, c, "x"), 0);
	reap(c);
	assert_int_equal(db_scalar(f->db, "SELECT count(*) FROM sessions", 0,
	    0, -1), 3);
	assert_int_equal(session_recover(f->db), 2);
	assert_int_equal(session_id_of(f->db, c), 0);
	assert_true(session_id_of(f->db, getppid()) > 0);
}

/* A moderator ends a session: its process gets SIGUSR1, the row goes and
 * the audit log says who did it; a member may not, a gone one is said. */
static void
test_stop(void **state)
{
	struct fixture *f = *state;
	struct actor mod = { .account_id = f->ruta, .role = ROLE_MODERATOR,
	    .lang = "lt" };
	struct actor member = { .account_id = f->ruta, .role = ROLE_MEMBER,
	    .lang = "lt" };
	pid_t p = tfx_sleeper();
	int64_t id;
	int status;

	assert_int_equal(session_begin_guest(f->db, SESSION_GUEST, p, "x"), 0);
	id = session_id_of(f->db, p);
	assert_int_equal(session_stop(f->db, &member, id), SESSION_DENIED);
	assert_int_equal(kill(p, 0), 0);	/* still running */
	assert_int_equal(session_stop(f->db, &mod, id), 0);
	assert_int_equal(waitpid(p, &status, 0), p);
	assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGUSR1);
	assert_int_equal(session_id_of(f->db, p), 0);
	assert_int_equal(db_scalar(f->db, "SELECT count(*) FROM audit WHERE "
	    "action = 'session.end' AND detail = 'guest'", 0, 0, -1), 1);
	assert_int_equal(session_stop(f->db, &mod, id), SESSION_GONE);
}

/* Before an erasure every session of the account ends but the one doing
 * it; another account's session is left alone (the control), and no
 * audit entry is written (the erasure's is the only one kept). */
static void
test_end_account(void **state)
{
	struct fixture *f = *state;
	pid_t mine = tfx_sleeper(), other = tfx_sleeper(), elsewhere = tfx_sleeper();
	int64_t jonas = tdb_account(&f->t, "jonas", "Jonas", "lt",
	    ROLE_MEMBER), keep;
	int status;

	assert_int_equal(session_begin(f->db, f->ruta, mine, "x", 5), 0);
	assert_int_equal(session_begin(f->db, f->ruta, other, "x", 5), 0);
	assert_int_equal(session_begin(f->db, jonas, elsewhere, "x", 5), 0);
	keep = session_id_of(f->db, mine);
	assert_int_equal(session_end_account(f->db, f->ruta, keep), 1);
	assert_int_equal(waitpid(other, &status, 0), other);
	assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGUSR1);
	assert_int_equal(session_id_of(f->db, other), 0);
	assert_int_equal(kill(mine, 0), 0);
	assert_int_equal(session_id_of(f->db, mine), keep);
	assert_int_equal(kill(elsewhere, 0), 0);
	assert_true(session_id_of(f->db, elsewhere) > 0);
	assert_int_equal(db_scalar(f->db, "SELECT count(*) FROM audit WHERE "
	    "action = 'session.end'", 0, 0, -1), 0);
	reap(mine);
	reap(elsewhere);
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
		cmocka_unit_test_setup_teardown(test_reused_pid, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_guests_and_totals, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_stop, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_end_account, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_audit_order, setup,
		    tdb_teardown),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
