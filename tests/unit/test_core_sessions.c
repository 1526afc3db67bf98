/* Live sessions per account (dead processes pruned) and the audit log. */
#include "core/accounts.h"
#include "core/audit.h"
#include "core/db.h"
#include "core/sessions.h"

#include <ftw.h>
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
	char	 dir[64];
	struct db *db;
	int64_t	 ruta;
};

static int
rm_entry(const char *p, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb; (void)flag; (void)ftw;
	return remove(p);
}

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	char err[256], *path;

	strcpy(f->dir, "/tmp/tinklas-test-sess-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	assert_true(asprintf(&path, "%s/tinklas.db", f->dir) > 0);
	assert_int_equal(db_open(path, &f->db, err, sizeof err), 0);
	free(path);
	assert_null(account_create(f->db, "ruta", "Rūta", "linden-otter-47x",
	    "lt", ROLE_MODERATOR, &f->ruta));
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	db_close(f->db);
	nftw(f->dir, rm_entry, 8, FTW_DEPTH | FTW_PHYS);
	free(f);
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
	    -1);
	reap(live);
	assert_int_equal(session_begin(f->db, f->ruta, getppid(), "::1", 2),
	    0);
	assert_int_equal(session_count(f->db, f->ruta), 2);
	session_end(f->db, getpid());
	assert_int_equal(session_count(f->db, f->ruta), 1);
	session_end(f->db, getppid());
	assert_int_equal(session_count(f->db, f->ruta), 0);
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
		    teardown),
		cmocka_unit_test_setup_teardown(test_audit_order, setup,
		    teardown),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
