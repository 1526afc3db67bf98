/* core/forums moderation: every action keeps its reason in the audit log,
 * the hide by three reports is recorded as automatic, the audit names what
 * its ids stand for, a move to the thread's own board is refused, and the
 * author of a hidden post is told why. */
#include "core/audit.h"
#include "core/forums.h"
#include "core/queue.h"
#include "core/inbox.h"
#include "tests/unit/fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

struct fixture {
	struct tdb		 t;	/* first: tdb_new and tdb_teardown */
	struct db		*db;
	struct actor	 ruta, jonas, olena, emma, aiste;
	int64_t			 board, other, tid, pid2;
};

static int
setup(void **state)
{
	struct actor admin = { 0, ROLE_ADMIN, "lt", 0 };
	struct fixture *f = tdb_new(sizeof *f, "moderation");

	f->db = f->t.db;
	f->ruta = tdb_viewer(&f->t, "ruta", "lt", ROLE_MEMBER);
	f->jonas = tdb_viewer(&f->t, "jonas", "lt", ROLE_MEMBER);
	f->olena = tdb_viewer(&f->t, "olena", "uk", ROLE_MEMBER);
	f->emma = tdb_viewer(&f->t, "emma", "en", ROLE_MEMBER);
	f->aiste = tdb_viewer(&f->t, "aiste", "lt", ROLE_MODERATOR);
	assert_null(forum_board_add(f->db, &admin, "Sportas", "", "lt",
	    &f->board));
	assert_null(forum_board_add(f->db, &admin, "Kelionės", "", "",
	    &f->other));
	assert_null(forum_thread_start(f->db, &f->ruta, f->board, "Krepšinis",
	    "pirmas", NULL, &f->tid, NULL).key);
	assert_null(forum_reply(f->db, &f->jonas, f->tid, "antras", NULL,
	    &f->pid2, NULL).key);
	*state = f;
	return 0;
}

/* The newest audit entry with action, copied. */
struct found {
	const char	*action;
	int64_t		 actor;
	char		 target[64], detail[256], label[256];
	bool		 seen;
};

static int
find_entry(const struct audit_entry *e, void *arg)
{
	struct found *w = arg;

	if (strcmp(e->action, w->action) != 0)
		return 0;
	w->actor = e->actor_id;
	snprintf(w->target, sizeof w->target, "%s", e->target);
	snprintf(w->detail, sizeof w->detail, "%s", e->detail);
	snprintf(w->label, sizeof w->label, "%s", e->label);
	w->seen = true;
	return 1;
}

static struct found
entry(struct fixture *f, const char *action)
{
	struct found w = { .action = action };

	assert_true(audit_each(f->db, 0, find_entry, &w) >= 0);
	assert_true(w.seen);
	return w;
}

static void
test_reasons_in_audit(void **state)
{
	struct fixture *f = *state;
	char big[FORUM_REASON_MAX + 10];
	struct found w;

	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	assert_string_equal(forum_thread_lock(f->db, &f->aiste, f->tid, true,
	    big).key, "error.forum.reason_length");
	assert_int_equal(audit_count(f->db, "thread.lock"), 0);
	assert_null(forum_thread_lock(f->db, &f->aiste, f->tid, true,
	    "Ginčas baigtas").key);
	w = entry(f, "thread.lock");
	assert_int_equal(w.actor, f->aiste.account_id);
	assert_string_equal(w.detail, "Ginčas baigtas");
	assert_string_equal(w.label, "\"Krepšinis\"");
	assert_null(forum_thread_pin(f->db, &f->aiste, f->tid, true,
	    "Svarbu").key);
	assert_string_equal(entry(f, "thread.pin").detail, "Svarbu");
	assert_null(forum_thread_hide(f->db, &f->aiste, f->tid, true,
	    "Šlamštas").key);
	assert_string_equal(entry(f, "thread.hide").detail, "Šlamštas");
	assert_null(forum_thread_hide(f->db, &f->aiste, f->tid, false, "").key);
	/* A move names the board and keeps the reason; the thread's own
	 * board is refused, so one Enter in the dialog does nothing. */
	assert_string_equal(forum_thread_move(f->db, &f->aiste, f->tid,
	    f->board, "x").key, "error.forum.same_board");
	assert_null(forum_thread_move(f->db, &f->aiste, f->tid, f->other,
	    "Ne ta tema").key);
	w = entry(f, "thread.move");
	assert_non_null(strstr(w.detail, "\"Kelionės\""));
	assert_non_null(strstr(w.detail, ": Ne ta tema"));
	assert_null(forum_post_hide(f->db, &f->aiste, f->pid2, true,
	    "Įžeidimas").key);
	w = entry(f, "post.hide");
	assert_string_equal(w.detail, "Įžeidimas");
	assert_string_equal(w.label, "#2 by jonas in \"Krepšinis\"");
}

static void
test_hidden_author_told(void **state)
{
	struct fixture *f = *state;
	struct inbox_list l;
	int64_t own;

	assert_int_equal(inbox_unread(f->db, &f->jonas), 0);
	assert_null(forum_post_hide(f->db, &f->aiste, f->pid2, true,
	    "Įžeidimas").key);
	assert_int_equal(inbox_list(f->db, &f->jonas, 0, 10, &l), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].kind, "forum.hidden");
	assert_string_equal(l.v[0].args, "title=Krepšinis\nreason=Įžeidimas");
	assert_string_equal(l.v[0].subject_type, "post");
	assert_int_equal(l.v[0].subject_id, f->pid2);
	assert_int_equal(l.v[0].actor_id, f->aiste.account_id);
	inbox_list_free(&l);
	/* Hiding again or showing it tells nothing more. */
	assert_null(forum_post_hide(f->db, &f->aiste, f->pid2, true,
	    "vėl").key);
	assert_null(forum_post_hide(f->db, &f->aiste, f->pid2, false, "").key);
	assert_int_equal(inbox_unread(f->db, &f->jonas), 1);
	/* A moderator hiding their own post is not told. */
	assert_null(forum_reply(f->db, &f->aiste, f->tid, "mano", NULL, &own,
	    NULL).key);
	assert_null(forum_post_hide(f->db, &f->aiste, own, true, "klaida").key);
	assert_int_equal(inbox_list(f->db, &f->aiste, 0, 10, &l), 0);
	assert_int_equal(l.n, 0);
	inbox_list_free(&l);
}

static void
test_auto_hide_recorded(void **state)
{
	struct fixture *f = *state;
	struct inbox_list l;
	struct found w;

	assert_null(forum_report(f->db, &f->ruta, f->pid2, "reklama"));
	assert_null(forum_report(f->db, &f->olena, f->pid2, "spam"));
	assert_int_equal(inbox_unread(f->db, &f->jonas), 0);
	assert_null(forum_report(f->db, &f->emma, f->pid2, "spam"));
	w = entry(f, "post.auto_hide");
	assert_int_equal(w.actor, AUDIT_AUTOMATIC);
	assert_string_equal(w.detail, "automatic: 3 reports");
	assert_string_equal(w.label, "#2 by jonas in \"Krepšinis\"");
	assert_int_equal(inbox_list(f->db, &f->jonas, 0, 10, &l), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].kind, "forum.hidden_auto");
	assert_int_equal(l.v[0].actor_id, 0);
	assert_string_equal(l.v[0].args, "title=Krepšinis");
	inbox_list_free(&l);
}

static void
test_resolve_hide_tells(void **state)
{
	struct fixture *f = *state;
	struct inbox_list l;
	char buf[64];

	assert_null(forum_report(f->db, &f->ruta, f->pid2, "reklama"));
	assert_null(queue_resolve(f->db, &f->aiste, "forum.post",
	    f->pid2, "hide", 0, "Reklama").key);
	assert_int_equal(inbox_list(f->db, &f->jonas, 0, 10, &l), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].kind, "forum.hidden");
	assert_string_equal(inbox_arg(&l.v[0], "reason", buf, sizeof buf),
	    "Reklama");
	inbox_list_free(&l);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_reasons_in_audit, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_hidden_author_told, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_auto_hide_recorded, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_resolve_hide_tells, setup,
		    tdb_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
