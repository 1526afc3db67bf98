/* core/forums: the read horizon. Threads whose last post is older than an
 * account count as read for it (board counts, the new-posts count, a
 * thread's first unread post) until a later reply; a read mark wins. The
 * threads are moved back in time and the accounts' creation is set
 * directly, so no test sleeps. */
#include "core/db.h"
#include "core/db-internal.h"
#include "core/forums.h"
#include "tests/unit/fixture.h"

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <time.h>
#include <cmocka.h>

struct fixture {
	struct tdb		 t;	/* first: tdb_new and tdb_teardown */
	struct db		*db;	/* t.db */
	struct actor	 ruta, jonas, emma, aiste, guest;
	int64_t			 board, other;
	int64_t			 a, b, c;	/* threads of 1, 2 and 3 posts */
};

static void
exec(struct db *db, const char *fmt, long long a, long long b)
{
	char sql[256];

	snprintf(sql, sizeof sql, fmt, a, b);
	assert_int_equal(sqlite3_exec(db->h, sql, NULL, NULL, NULL), SQLITE_OK);
}

/* Ruta writes threads a and b on the board and c on the other, all moved
 * 1000 s back; jonas joined before them (2000 s ago), emma after (500 s
 * ago). */
static int
setup(void **state)
{
	struct fixture *f = tdb_new(sizeof *f, "forums-horizon");
	struct actor admin = { 0, ROLE_ADMIN, "lt", 0 };
	long long now = (long long)time(NULL);

	f->db = f->t.db;
	f->ruta = tdb_viewer(&f->t, "ruta", "lt", ROLE_MEMBER);
	f->jonas = tdb_viewer(&f->t, "jonas", "lt", ROLE_MEMBER);
	f->emma = tdb_viewer(&f->t, "emma", "en", ROLE_MEMBER);
	f->aiste = tdb_viewer(&f->t, "aiste", "lt", ROLE_MODERATOR);
	f->guest = (struct actor){ 0, ROLE_MEMBER, "lt", 0 };
	assert_null(forum_board_add(f->db, &admin, "Miestas", "", "",
	    &f->board));
	assert_null(forum_board_add(f->db, &admin, "Kita", "", "", &f->other));
	assert_null(forum_thread_start(f->db, &f->ruta, f->board, "A", "a",
	    NULL, &f->a, NULL).key);
	assert_null(forum_thread_start(f->db, &f->ruta, f->board, "B", "b",
	    NULL, &f->b, NULL).key);
	assert_null(forum_reply(f->db, &f->ruta, f->b, "b2", NULL, NULL,
	    NULL).key);
	assert_null(forum_thread_start(f->db, &f->ruta, f->other, "C", "c",
	    NULL, &f->c, NULL).key);
	assert_null(forum_reply(f->db, &f->ruta, f->c, "c2", NULL, NULL,
	    NULL).key);
	assert_null(forum_reply(f->db, &f->ruta, f->c, "c3", NULL, NULL,
	    NULL).key);
	exec(f->db, "UPDATE threads SET created = created - %lld, "
	    "last_post_at = last_post_at - %lld", 1000, 1000);
	exec(f->db, "UPDATE accounts SET created = %lld WHERE id = %lld",
	    now - 2000, f->jonas.account_id);
	exec(f->db, "UPDATE accounts SET created = %lld WHERE id = %lld",
	    now - 500, f->emma.account_id);
	*state = f;
	return 0;
}

static struct forum_board
board(struct fixture *f, const struct actor *v, int64_t id)
{
	struct forum_board b;

	assert_int_equal(forum_board_get(f->db, v, id, &b), 0);
	return b;
}

static struct forum_thread
thread(struct fixture *f, const struct actor *v, int64_t id)
{
	struct forum_thread t;

	assert_int_equal(forum_thread_get(f->db, v, id, &t), 0);
	return t;
}

static void
test_new_account_sees_old_threads_read(void **state)
{
	struct fixture *f = *state;
	struct forum_board_list bl;
	struct forum_thread_list tl;
	struct forum_thread t;
	size_t i;

	assert_int_equal(board(f, &f->emma, f->board).threads, 2);
	assert_int_equal(board(f, &f->emma, f->board).unread_threads, 0);
	assert_int_equal(board(f, &f->emma, f->board).new_posts, 0);
	assert_int_equal(board(f, &f->emma, f->other).unread_threads, 0);
	assert_int_equal(forum_new_posts(f->db, &f->emma), 0);
	assert_int_equal(forum_boards(f->db, &f->emma, &bl), 0);
	assert_int_equal(bl.n, 2);
	for (i = 0; i < bl.n; i++) {
		assert_int_equal(bl.v[i].unread_threads, 0);
		assert_int_equal(bl.v[i].new_posts, 0);
	}
	forum_board_list_free(&bl);
	t = thread(f, &f->emma, f->b);
	assert_int_equal(t.read_seq, 2);
	assert_int_equal(t.first_unread, 0);
	assert_int_equal(forum_threads(f->db, &f->emma, f->board, 0, 10, &tl),
	    0);
	assert_int_equal(tl.n, 2);
	for (i = 0; i < tl.n; i++) {
		assert_int_equal(tl.v[i].first_unread, 0);
		assert_int_equal(tl.v[i].read_seq, tl.v[i].last_seq);
	}
	forum_thread_list_free(&tl);

	/* A reply after emma joined makes that one thread unread, all of
	 * it: she has never read it. */
	assert_null(forum_reply(f->db, &f->ruta, f->b, "b3", NULL, NULL,
	    NULL).key);
	assert_int_equal(board(f, &f->emma, f->board).unread_threads, 1);
	assert_int_equal(board(f, &f->emma, f->board).new_posts, 3);
	assert_int_equal(board(f, &f->emma, f->other).new_posts, 0);
	assert_int_equal(forum_new_posts(f->db, &f->emma), 3);
	t = thread(f, &f->emma, f->b);
	assert_int_equal(t.read_seq, 0);
	assert_int_equal(t.first_unread, 1);
	assert_int_equal(thread(f, &f->emma, f->a).first_unread, 0);

	/* Guests still have nothing unread. */
	assert_int_equal(board(f, &f->guest, f->board).unread_threads, 0);
	assert_int_equal(forum_new_posts(f->db, &f->guest), 0);
	assert_int_equal(thread(f, &f->guest, f->b).first_unread, 0);
}

static void
test_older_account_still_unread(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(board(f, &f->jonas, f->board).unread_threads, 2);
	assert_int_equal(board(f, &f->jonas, f->board).new_posts, 3);
	assert_int_equal(board(f, &f->jonas, f->other).unread_threads, 1);
	assert_int_equal(board(f, &f->jonas, f->other).new_posts, 3);
	assert_int_equal(forum_new_posts(f->db, &f->jonas), 6);
	assert_int_equal(thread(f, &f->jonas, f->b).first_unread, 1);
	assert_int_equal(thread(f, &f->jonas, f->b).read_seq, 0);
	assert_null(forum_mark_read(f->db, &f->jonas, f->b, 1));
	assert_int_equal(board(f, &f->jonas, f->board).new_posts, 2);
	assert_int_equal(thread(f, &f->jonas, f->b).first_unread, 2);
}

static void
test_read_mark_wins(void **state)
{
	struct fixture *f = *state;
	struct forum_thread t;

	/* A mark below the end (written before this rule, say) makes an old
	 * thread unread from the mark on. */
	exec(f->db, "INSERT INTO thread_reads (account_id, thread_id, "
	    "read_seq) VALUES (%lld, %lld, 1)", f->emma.account_id, f->c);
	assert_int_equal(board(f, &f->emma, f->other).unread_threads, 1);
	assert_int_equal(board(f, &f->emma, f->other).new_posts, 2);
	assert_int_equal(board(f, &f->emma, f->board).new_posts, 0);
	assert_int_equal(forum_new_posts(f->db, &f->emma), 2);
	t = thread(f, &f->emma, f->c);
	assert_int_equal(t.read_seq, 1);
	assert_int_equal(t.first_unread, 2);

	/* Opening an old thread at its start keeps it read. */
	assert_null(forum_mark_read(f->db, &f->emma, f->b, 1));
	t = thread(f, &f->emma, f->b);
	assert_int_equal(t.read_seq, 2);
	assert_int_equal(t.first_unread, 0);
	assert_int_equal(board(f, &f->emma, f->board).unread_threads, 0);

	/* Muting and hiding count the same way on both sides. */
	assert_null(forum_board_mute(f->db, &f->emma, f->other, true));
	assert_int_equal(forum_new_posts(f->db, &f->emma), 0);
	assert_null(forum_thread_hide(f->db, &f->aiste, f->a, true, "").key);
	assert_int_equal(board(f, &f->emma, f->board).threads, 1);
	assert_int_equal(board(f, &f->emma, f->board).unread_threads, 0);
	assert_int_equal(board(f, &f->emma, f->board).new_posts, 0);
	assert_int_equal(board(f, &f->jonas, f->board).unread_threads, 1);
	assert_int_equal(board(f, &f->jonas, f->board).new_posts, 2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    test_new_account_sees_old_threads_read, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_older_account_still_unread,
		    setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_read_mark_wins, setup,
		    tdb_teardown),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
