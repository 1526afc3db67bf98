/* The permission matrix of the rules in core: member, board moderator,
 * moderator, admin and the admin command against each action that needs a
 * check (suspend, unsuspend, hide, lock, move, remove a key, resolve a
 * report). A refused action changes nothing and writes no audit entry; a
 * done one writes one that names accounts by id. */
#include "core/actor.h"
#include "core/audit.h"
#include "core/forums.h"
#include "core/queue.h"
#include "core/keys.h"
#include "core/rules.h"
#include "tests/unit/fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

/* The people of the matrix; WHO_CMD is the admin command. */
enum who { MEMBER, BOARDMOD, MODERATOR, ADMIN, WHO_CMD, NWHO };

struct fixture {
	struct tdb	 t;	/* first: tdb_new and tdb_teardown */
	struct db	*db;
	struct actor	 p[NWHO];
	struct actor	 victim;	/* a second member, to act on */
	struct actor	 mod2, admin2;	/* a second moderator and admin */
	int64_t		 board, other, tid, pid;
};

static int
setup(void **state)
{
	struct fixture *f = tdb_new(sizeof *f, "rules");

	f->db = f->t.db;
	f->p[MEMBER] = tdb_viewer(&f->t, "ruta", "lt", ROLE_MEMBER);
	f->p[BOARDMOD] = tdb_viewer(&f->t, "bronius", "lt", ROLE_MEMBER);
	f->p[MODERATOR] = tdb_viewer(&f->t, "aiste", "lt", ROLE_MODERATOR);
	f->p[ADMIN] = tdb_viewer(&f->t, "adele", "lt", ROLE_ADMIN);
	f->p[WHO_CMD] = actor_admin_command("lt");
	f->victim = tdb_viewer(&f->t, "jonas", "lt", ROLE_MEMBER);
	f->mod2 = tdb_viewer(&f->t, "marius", "lt", ROLE_MODERATOR);
	f->admin2 = tdb_viewer(&f->t, "agne", "lt", ROLE_ADMIN);
	assert_null(forum_board_add(f->db, &f->p[WHO_CMD], "Sportas", "", "",
	    &f->board));
	assert_null(forum_board_add(f->db, &f->p[WHO_CMD], "Kelionės", "", "",
	    &f->other));
	assert_null(forum_board_moderator_add(f->db, &f->p[WHO_CMD], f->board,
	    f->p[BOARDMOD].account_id));
	assert_null(forum_thread_start(f->db, &f->victim, f->board, "Krepšinis",
	    "pirmas", NULL, &f->tid, &f->pid).key);
	*state = f;
	return 0;
}

static int64_t
suspended_until(struct fixture *f, int64_t id)
{
	struct account a;

	assert_int_equal(account_by_id(f->db, id, &a), 0);
	return a.suspended_until;
}

/* Suspends target from the board and checks the outcome: want NULL means
 * done (the account is suspended and the audit names it by id), else the
 * key, with the account untouched and nothing audited. */
static void
check_suspend(struct fixture *f, const struct actor *a, int64_t target,
    int64_t board, const char *want)
{
	struct suspension s = { .days = 3, .reason = "spam",
	    .board_id = board };
	int before = audit_count(f->db, "user.suspend");
	struct core_error e;

	e = account_suspend_by(f->db, a, target, &s);
	if (want == NULL) {
		assert_null(e.key);
		assert_true(suspended_until(f, target) > 0);
		assert_int_equal(audit_count(f->db, "user.suspend"),
		    before + 1);
		assert_int_equal(account_unsuspend(f->db, target), 0);
		return;
	}
	assert_non_null(e.key);
	assert_string_equal(e.key, want);
	assert_int_equal(suspended_until(f, target), 0);
	assert_int_equal(audit_count(f->db, "user.suspend"), before);
}

static void
test_suspend_matrix(void **state)
{
	struct fixture *f = *state;
	int64_t member = f->victim.account_id, mod = f->mod2.account_id;
	int64_t admin = f->admin2.account_id;

	/* A member suspends no one. */
	check_suspend(f, &f->p[MEMBER], member, f->board,
	    "error.forum.not_allowed");
	/* A board moderator: members, from their own board only. */
	check_suspend(f, &f->p[BOARDMOD], member, f->board, NULL);
	check_suspend(f, &f->p[BOARDMOD], member, f->other,
	    "error.forum.not_allowed");
	check_suspend(f, &f->p[BOARDMOD], member, 0, "error.forum.not_allowed");
	check_suspend(f, &f->p[BOARDMOD], mod, f->board, "error.suspend.rank");
	check_suspend(f, &f->p[BOARDMOD], admin, f->board,
	    "error.suspend.rank");
	/* A moderator: members, never a moderator or an admin, nor self. */
	check_suspend(f, &f->p[MODERATOR], member, 0, NULL);
	check_suspend(f, &f->p[MODERATOR], f->p[BOARDMOD].account_id, 0, NULL);
	check_suspend(f, &f->p[MODERATOR], mod, 0, "error.suspend.rank");
	check_suspend(f, &f->p[MODERATOR], admin, 0, "error.suspend.rank");
	check_suspend(f, &f->p[MODERATOR], f->p[MODERATOR].account_id, 0,
	    "error.suspend.self");
	/* An admin: anyone but themselves. */
	check_suspend(f, &f->p[ADMIN], member, 0, NULL);
	check_suspend(f, &f->p[ADMIN], mod, 0, NULL);
	check_suspend(f, &f->p[ADMIN], admin, 0, NULL);
	check_suspend(f, &f->p[ADMIN], f->p[ADMIN].account_id, 0,
	    "error.suspend.self");
	/* The admin command: anyone. */
	check_suspend(f, &f->p[WHO_CMD], admin, 0, NULL);
	check_suspend(f, &f->p[WHO_CMD], f->p[ADMIN].account_id, 0, NULL);
	{
		struct suspension s = { .days = 1 };

		assert_string_equal(account_suspend_by(f->db, &f->p[WHO_CMD],
		    9999, &s).key, "error.forum.not_found");
	}
}

static void
test_suspend_audit_by_id(void **state)
{
	struct fixture *f = *state;
	struct suspension s = { .days = 2, .reason = "spam" };
	char want[64];
	int n;

	assert_null(account_suspend_by(f->db, &f->p[MODERATOR],
	    f->victim.account_id, &s).key);
	snprintf(want, sizeof want, "account %lld",
	    (long long)f->victim.account_id);
	n = audit_count(f->db, "user.suspend");
	assert_int_equal(n, 1);
	assert_int_equal(audit_target_count(f->db, "user.suspend", want), 1);
	assert_int_equal(audit_target_count(f->db, "user.suspend", "jonas"), 0);
	/* An end in the past is refused and said about the days field. */
	s.days = 0;
	s.until = 1;
	assert_string_equal(account_suspend_by(f->db, &f->p[MODERATOR],
	    f->victim.account_id, &s).field, "days");
}

static void
test_unsuspend_matrix(void **state)
{
	struct fixture *f = *state;
	int64_t member = f->victim.account_id, mod = f->mod2.account_id;
	struct suspension s = { .days = 1 };
	const struct {
		enum who	 who;
		int64_t		 target;
		const char	*want;
	} rows[] = {
		{ MEMBER, member, "error.forum.not_allowed" },
		/* Lifting is site-wide: a board moderator has no board here. */
		{ BOARDMOD, member, "error.forum.not_allowed" },
		{ MODERATOR, mod, "error.suspend.rank" },
		{ MODERATOR, member, NULL },
		{ ADMIN, mod, NULL },
		{ WHO_CMD, member, NULL },
	};
	size_t i;

	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		assert_null(account_suspend_by(f->db, &f->p[WHO_CMD],
		    rows[i].target, &s).key);
		if (rows[i].want == NULL) {
			assert_null(account_unsuspend_by(f->db,
			    &f->p[rows[i].who], rows[i].target).key);
			assert_int_equal(suspended_until(f, rows[i].target), 0);
		} else {
			assert_string_equal(account_unsuspend_by(f->db,
			    &f->p[rows[i].who], rows[i].target).key,
			    rows[i].want);
			assert_true(suspended_until(f, rows[i].target) > 0);
		}
	}
	assert_int_equal(audit_count(f->db, "user.unsuspend"), 3);
	assert_string_equal(account_unsuspend_by(f->db, &f->p[WHO_CMD],
	    f->p[MEMBER].account_id).key, "error.suspend.not_suspended");
}

/* Hide, lock and move of a thread, and hiding a post: the board's
 * moderators (board moderator, moderator, admin, the admin command), not
 * a member; a move needs both boards. */
static void
test_moderation_matrix(void **state)
{
	struct fixture *f = *state;
	const char *want;
	int w;

	for (w = 0; w < NWHO; w++) {
		const struct actor *a = &f->p[w];

		want = w == MEMBER ? "error.forum.not_allowed" : NULL;
		if (want == NULL) {
			assert_null(forum_thread_hide(f->db, a, f->tid, true,
			    "x").key);
			assert_null(forum_thread_hide(f->db, a, f->tid, false,
			    "").key);
			assert_null(forum_thread_lock(f->db, a, f->tid, true,
			    "").key);
			assert_null(forum_thread_lock(f->db, a, f->tid, false,
			    "").key);
			assert_null(forum_post_hide(f->db, a, f->pid, true,
			    "").key);
			assert_null(forum_post_hide(f->db, a, f->pid, false,
			    "").key);
		} else {
			assert_string_equal(forum_thread_hide(f->db, a, f->tid,
			    true, "x").key, want);
			assert_string_equal(forum_thread_lock(f->db, a, f->tid,
			    true, "").key, want);
			assert_string_equal(forum_post_hide(f->db, a, f->pid,
			    true, "").key, want);
		}
		want = w == MEMBER || w == BOARDMOD ?
		    "error.forum.not_allowed" : NULL;
		if (want == NULL) {
			assert_null(forum_thread_move(f->db, a, f->tid,
			    f->other, "").key);
			assert_null(forum_thread_move(f->db, a, f->tid,
			    f->board, "").key);
		} else
			assert_string_equal(forum_thread_move(f->db, a, f->tid,
			    f->other, "").key, want);
	}
	/* Four moderators did each twice; the member and the refused moves
	 * left nothing. */
	assert_int_equal(audit_count(f->db, "thread.hide"), 4);
	assert_int_equal(audit_count(f->db, "thread.lock"), 4);
	assert_int_equal(audit_count(f->db, "post.hide"), 4);
	assert_int_equal(audit_count(f->db, "thread.move"), 6);
	/* A reason too long is said about the reason field. */
	{
		char big[FORUM_REASON_MAX + 10];

		memset(big, 'x', sizeof big - 1);
		big[sizeof big - 1] = '\0';
		assert_string_equal(forum_thread_lock(f->db, &f->p[ADMIN],
		    f->tid, true, big).field, "reason");
	}
}

/* Keys: their owner's and an admin's to remove. */
static void
test_key_matrix(void **state)
{
	struct fixture *f = *state;
	int64_t owner = f->victim.account_id;
	struct sshkey_row k;
	char fp[32];
	int w, n = 0;

	for (w = 0; w < NWHO; w++) {
		snprintf(fp, sizeof fp, "SHA256:k%d", w);
		assert_null(key_add_by(f->db, &f->victim, owner, "ssh-ed25519",
		    "AAAA", "", fp).key);
		assert_int_equal(key_find(f->db, fp, &k), 0);
		key_row_clear(&k);
		if (w == ADMIN || w == WHO_CMD) {
			assert_null(key_remove_by(f->db, &f->p[w], owner,
			    k.id).key);
			n++;
		} else
			assert_string_equal(key_remove_by(f->db, &f->p[w],
			    owner, k.id).key, "error.forum.not_allowed");
	}
	/* Others may not add keys to an account either. */
	assert_string_equal(key_add_by(f->db, &f->p[MODERATOR], owner,
	    "ssh-ed25519", "AAAA", "", "SHA256:other").key,
	    "error.forum.not_allowed");
	/* And the owner removes their own. */
	assert_int_equal(key_find(f->db, "SHA256:k0", &k), 0);
	key_row_clear(&k);
	assert_null(key_remove_by(f->db, &f->victim, owner, k.id).key);
	assert_int_equal(audit_count(f->db, "key.remove"), n + 1);
	assert_int_equal(audit_count(f->db, "key.add"), NWHO);
}

/* The bug: a board moderator resolved a report on a moderator's post by
 * suspending the moderator. The queue refuses, and nothing of the
 * resolution happens (the reports stay open, the post stays shown). */
static void
test_resolve_suspend_rank(void **state)
{
	struct fixture *f = *state;
	struct queue_list l;
	int64_t modpost, adminpost;

	assert_null(forum_reply(f->db, &f->mod2, f->tid, "moderatoriaus",
	    NULL, &modpost, NULL).key);
	assert_null(forum_reply(f->db, &f->p[ADMIN], f->tid,
	    "administratoriaus", NULL, &adminpost, NULL).key);
	assert_null(forum_report(f->db, &f->p[MEMBER], modpost, "blogai"));
	assert_null(forum_report(f->db, &f->p[MEMBER], f->pid, "blogai"));
	assert_null(forum_report(f->db, &f->p[MEMBER], adminpost, "blogai"));

	assert_string_equal(queue_resolve(f->db, &f->p[BOARDMOD], "forum.post",
	    modpost, "suspend", 7, "ne").key, "error.suspend.rank");
	assert_int_equal(suspended_until(f, f->mod2.account_id), 0);
	assert_int_equal(audit_count(f->db, "report.suspend"), 0);
	assert_string_equal(queue_resolve(f->db, &f->p[BOARDMOD], "forum.post",
	    adminpost, "suspend", 7, "ne").key,
	    "error.suspend.rank");
	assert_string_equal(queue_resolve(f->db, &f->p[MODERATOR], "forum.post",
	    modpost, "suspend", 7, "ne").key, "error.suspend.rank");
	assert_int_equal(queue_list(f->db, &f->p[BOARDMOD], 0, 10, &l), 0);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.v[0].s.note_word, "no");
	queue_list_free(&l);
	/* Positive controls: the member's post, and the admin on the
	 * moderator. */
	assert_null(queue_resolve(f->db, &f->p[BOARDMOD], "forum.post",
	    f->pid, "suspend", 7, "taip").key);
	assert_true(suspended_until(f, f->victim.account_id) > 0);
	assert_null(queue_resolve(f->db, &f->p[ADMIN], "forum.post",
	    modpost, "suspend", 7, "taip").key);
	assert_true(suspended_until(f, f->mod2.account_id) > 0);
	assert_int_equal(audit_count(f->db, "report.suspend"), 2);
	assert_int_equal(audit_count(f->db, "user.suspend"), 2);
}

/* Resolving a report (dismiss, hide): the board's moderators; a member
 * and a board moderator of another board may not. */
static void
test_resolve_matrix(void **state)
{
	struct fixture *f = *state;
	struct actor elsewhere = tdb_viewer(&f->t, "elze", "lt", ROLE_MEMBER);
	int64_t pid;
	int w, done = 0;

	assert_null(forum_board_moderator_add(f->db, &f->p[WHO_CMD], f->other,
	    elsewhere.account_id));
	for (w = 0; w < NWHO; w++) {
		const struct actor *a = &f->p[w];

		assert_null(forum_reply(f->db, &f->victim, f->tid, "dar", NULL,
		    &pid, NULL).key);
		assert_null(forum_report(f->db, &f->mod2, pid, "blogai"));
		assert_string_equal(queue_resolve(f->db, &elsewhere, "forum.post",
		    pid, "hide", 0, "ne").key,
		    "error.forum.not_allowed");
		if (w == MEMBER) {
			assert_string_equal(queue_resolve(f->db, a, "forum.post",
			    pid, "dismiss", 0, "ne").key,
			    "error.forum.not_allowed");
			continue;
		}
		assert_null(queue_resolve(f->db, a, "forum.post", pid,
		    w % 2 ? "hide" : "dismiss", 0,
		    "gerai").key);
		done++;
		assert_string_equal(queue_resolve(f->db, a, "forum.post",
		    pid, "hide", 0, "vėl").key,
		    "error.forum.no_reports");
	}
	assert_int_equal(audit_count(f->db, "report.hide") +
	    audit_count(f->db, "report.dismiss"), done);
}

/* Suspending a post's author from a thread follows the same rules. */
static void
test_suspend_author(void **state)
{
	struct fixture *f = *state;
	int64_t modpost;

	assert_null(forum_reply(f->db, &f->mod2, f->tid, "moderatoriaus",
	    NULL, &modpost, NULL).key);
	assert_string_equal(forum_suspend_author(f->db, &f->p[BOARDMOD],
	    modpost, 3, "ne").key, "error.suspend.rank");
	assert_string_equal(forum_suspend_author(f->db, &f->p[MEMBER],
	    f->pid, 3, "ne").key, "error.forum.not_allowed");
	assert_string_equal(forum_suspend_author(f->db, &f->p[BOARDMOD],
	    f->pid, 0, "ne").field, "days");
	assert_int_equal(audit_count(f->db, "user.suspend"), 0);
	assert_null(forum_suspend_author(f->db, &f->p[BOARDMOD], f->pid, 3,
	    "taip").key);
	assert_true(suspended_until(f, f->victim.account_id) > 0);
	assert_int_equal(audit_count(f->db, "user.suspend"), 1);
}

/* Account management is the admins'; refusals name their field. */
static void
test_account_management(void **state)
{
	struct fixture *f = *state;
	int64_t id = 0, target = f->victim.account_id;
	char want[64];
	int w;

	for (w = 0; w < NWHO; w++) {
		struct core_error e = account_set_role_by(f->db, &f->p[w],
		    target, ROLE_ORGANISER);

		if (w == ADMIN || w == WHO_CMD)
			assert_null(e.key);
		else
			assert_string_equal(e.key, "error.forum.not_allowed");
	}
	snprintf(want, sizeof want, "account %lld", (long long)target);
	assert_int_equal(audit_target_count(f->db, "user.set-role", want), 2);
	assert_string_equal(account_create_by(f->db, &f->p[MODERATOR], "nauja",
	    "Nauja", TDB_PASSWORD, "lt", ROLE_MEMBER, &id).key,
	    "error.forum.not_allowed");
	assert_string_equal(account_create_by(f->db, &f->p[WHO_CMD], "jonas",
	    "Kažkas", TDB_PASSWORD, "lt", ROLE_MEMBER, &id).field, "name");
	assert_null(account_create_by(f->db, &f->p[ADMIN], "nauja", "Nauja",
	    TDB_PASSWORD, "lt", ROLE_MEMBER, &id).key);
	snprintf(want, sizeof want, "account %lld", (long long)id);
	assert_int_equal(audit_target_count(f->db, "user.add", want), 1);
	/* Registration: the fields, and the pause about none. */
	assert_string_equal(account_register(f->db, "x", "X", TDB_PASSWORD,
	    "lt", 0, &id).field, "name");
	assert_string_equal(account_register(f->db, "kitas", "", TDB_PASSWORD,
	    "lt", 0, &id).field, "display");
	assert_null(account_register(f->db, "kitas", "Kitas", TDB_PASSWORD,
	    "lt", 1000, &id).key);
	assert_string_equal(account_register(f->db, "kitas", "Dar vienas",
	    TDB_PASSWORD, "lt", 1000, &id).field, "name");
	{
		struct core_error e = account_register(f->db, "trecias",
		    "Trečias", TDB_PASSWORD, "lt", 1, &id);

		assert_string_equal(e.key, "error.register.busy");
		assert_null(e.field);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_suspend_matrix, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_suspend_audit_by_id, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_unsuspend_matrix, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_moderation_matrix, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_key_matrix, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_resolve_suspend_rank,
		    setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_resolve_matrix, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_suspend_author, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_account_management, setup,
		    tdb_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
