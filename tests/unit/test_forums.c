/* core/forums: boards and their admin, threads, pages of posts, unread
 * counts for two users, edit history, hidden and deleted posts, locking,
 * the flood limit, guests and suspended members, follows. */
#include "core/accounts.h"
#include "core/db.h"
#include "core/forums.h"
#include "tests/unit/fixture.h"

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

struct fixture {
	struct tdb		 t;	/* first: tdb_new and tdb_teardown */
	struct db		*db;	/* t.db */
	struct actor	 ruta, jonas, aiste, guest, admin;
	int64_t			 board, other;
};

static int
setup(void **state)
{
	struct fixture *f = tdb_new(sizeof *f, "forums");

	f->db = f->t.db;
	f->ruta = tdb_viewer(&f->t, "ruta", "lt", ROLE_MEMBER);
	f->jonas = tdb_viewer(&f->t, "jonas", "lt", ROLE_MEMBER);
	f->aiste = tdb_viewer(&f->t, "aiste", "lt", ROLE_MODERATOR);
	f->guest = (struct actor){ 0, ROLE_MEMBER, "lt", 0 };
	f->admin = (struct actor){ 0, ROLE_ADMIN, "lt", 0 };
	assert_null(forum_board_add(f->db, &f->admin, "Kalbų klubas",
	    "Lietuvių kalba", "lt", &f->board));
	assert_null(forum_board_add(f->db, &f->admin, "Coding club", "", "",
	    &f->other));
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

static void
test_unread_two_users(void **state)
{
	struct fixture *f = *state;
	struct forum_thread t;
	int64_t tid, seq;

	assert_null(forum_thread_start(f->db, &f->ruta, f->board, "Sveiki",
	    "Labas visiems", NULL, &tid, NULL).key);
	assert_int_equal(board(f, &f->ruta, f->board).unread_threads, 0);
	assert_int_equal(board(f, &f->jonas, f->board).unread_threads, 1);
	assert_int_equal(board(f, &f->jonas, f->board).new_posts, 1);
	assert_int_equal(board(f, &f->jonas, f->board).threads, 1);
	assert_int_equal(board(f, &f->guest, f->board).unread_threads, 0);

	assert_int_equal(forum_thread_get(f->db, &f->jonas, tid, &t), 0);
	assert_int_equal(t.first_unread, 1);
	assert_null(forum_reply(f->db, &f->jonas, tid, "Labas, Rūta!", NULL,
	    NULL, &seq).key);
	assert_int_equal(seq, 2);
	/* Replying marks the replier's own reading. */
	assert_int_equal(board(f, &f->jonas, f->board).unread_threads, 0);
	assert_int_equal(board(f, &f->ruta, f->board).unread_threads, 1);
	assert_int_equal(board(f, &f->ruta, f->board).new_posts, 1);
	assert_int_equal(forum_thread_get(f->db, &f->ruta, tid, &t), 0);
	assert_int_equal(t.first_unread, 2);
	assert_int_equal(t.replies, 1);

	assert_null(forum_reply(f->db, &f->jonas, tid, "Dar vienas", NULL,
	    NULL, NULL).key);
	assert_int_equal(board(f, &f->ruta, f->board).new_posts, 2);
	assert_null(forum_mark_read(f->db, &f->ruta, tid, 2));
	assert_int_equal(board(f, &f->ruta, f->board).new_posts, 1);
	/* Never lowered, clamped past the end. */
	assert_null(forum_mark_read(f->db, &f->ruta, tid, 1));
	assert_int_equal(board(f, &f->ruta, f->board).new_posts, 1);
	assert_null(forum_mark_read(f->db, &f->ruta, tid, 99));
	assert_int_equal(forum_thread_get(f->db, &f->ruta, tid, &t), 0);
	assert_int_equal(t.read_seq, 3);
	assert_int_equal(t.first_unread, 0);
	assert_int_equal(board(f, &f->ruta, f->board).unread_threads, 0);

	/* Mark board read. */
	assert_null(forum_thread_start(f->db, &f->jonas, f->board, "Antra",
	    "Tekstas", NULL, NULL, NULL).key);
	assert_int_equal(board(f, &f->ruta, f->board).unread_threads, 1);
	assert_null(forum_mark_board_read(f->db, &f->ruta, f->board));
	assert_int_equal(board(f, &f->ruta, f->board).unread_threads, 0);
	assert_int_equal(board(f, &f->ruta, f->board).new_posts, 0);
	assert_int_equal(forum_new_posts(f->db, &f->ruta), 0);
	assert_int_equal(board(f, &f->jonas, f->board).threads, 2);
}

static void
test_mute(void **state)
{
	struct fixture *f = *state;
	struct forum_board_list l;

	assert_null(forum_thread_start(f->db, &f->ruta, f->board, "A", "a",
	    NULL, NULL, NULL).key);
	assert_null(forum_thread_start(f->db, &f->ruta, f->other, "B", "b",
	    NULL, NULL, NULL).key);
	assert_int_equal(forum_new_posts(f->db, &f->jonas), 2);
	assert_null(forum_board_mute(f->db, &f->jonas, f->other, true));
	assert_int_equal(forum_new_posts(f->db, &f->jonas), 1);
	assert_int_equal(forum_boards(f->db, &f->jonas, &l), 0);
	assert_int_equal(l.n, 2);
	assert_false(l.v[0].muted);
	assert_true(l.v[1].muted);
	/* A muted board still shows its own counts. */
	assert_int_equal(l.v[1].unread_threads, 1);
	forum_board_list_free(&l);
	assert_null(forum_board_mute(f->db, &f->jonas, f->other, false));
	assert_int_equal(forum_new_posts(f->db, &f->jonas), 2);
	assert_int_equal(forum_new_posts(f->db, &f->guest), 0);
	assert_string_equal(forum_board_mute(f->db, &f->guest, f->other, true),
	    "error.forum.guest");
}

static void
test_edit_history(void **state)
{
	struct fixture *f = *state;
	struct forum_edit_list h;
	struct forum_post p;
	int64_t pid;

	assert_null(forum_thread_start(f->db, &f->ruta, f->board, "Pirmas",
	    "versija 1", NULL, NULL, &pid).key);
	assert_int_equal(forum_post_get(f->db, &f->jonas, pid, &p), 0);
	assert_int_equal(p.edited_at, 0);
	forum_post_clear(&p);
	assert_null(forum_post_edit(f->db, &f->ruta, pid, "versija 2",
	    NULL).key);
	assert_null(forum_post_edit(f->db, &f->ruta, pid, "versija 3",
	    "en").key);
	assert_string_equal(forum_post_edit(f->db, &f->jonas, pid, "mano",
	    NULL).key, "error.forum.not_allowed");
	assert_string_equal(forum_post_edit(f->db, &f->ruta, pid, "x",
	    "xx").key, "error.lang.unknown");
	assert_int_equal(forum_post_get(f->db, &f->jonas, pid, &p), 0);
	assert_string_equal(p.body, "versija 3");
	assert_string_equal(p.lang, "en");
	assert_true(p.edited_at > 0);
	forum_post_clear(&p);
	assert_int_equal(forum_post_history(f->db, &f->jonas, pid, &h), 0);
	assert_int_equal(h.n, 2);
	assert_string_equal(h.v[0].body, "versija 2");
	assert_string_equal(h.v[1].body, "versija 1");
	assert_int_equal(h.v[0].editor_id, f->ruta.account_id);
	forum_edit_list_free(&h);

	/* A moderator edits any post; that is audited. */
	assert_int_equal(audit_count(f->db, "post.edit"), 0);
	assert_null(forum_post_edit(f->db, &f->aiste, pid, "pataisyta",
	    NULL).key);
	assert_int_equal(audit_count(f->db, "post.edit"), 1);
	assert_int_equal(forum_post_history(f->db, &f->ruta, pid, &h), 0);
	assert_int_equal(h.n, 3);
	assert_int_equal(h.v[0].editor_id, f->aiste.account_id);
	assert_string_equal(h.v[0].editor_display, "aiste");
	forum_edit_list_free(&h);
}

static void
test_hidden_posts(void **state)
{
	struct fixture *f = *state;
	struct forum_thread_list tl;
	struct forum_post_list pl;
	struct forum_thread t;
	int64_t tid, pid2;

	assert_null(forum_thread_start(f->db, &f->ruta, f->board, "Tema",
	    "pirmas", NULL, &tid, NULL).key);
	assert_null(forum_reply(f->db, &f->jonas, tid, "antras", NULL, &pid2,
	    NULL).key);
	assert_null(forum_reply(f->db, &f->ruta, tid, "trečias", NULL, NULL,
	    NULL).key);
	assert_string_equal(forum_post_hide(f->db, &f->ruta, pid2, true,
	    "").key, "error.forum.not_allowed");
	assert_null(forum_post_hide(f->db, &f->aiste, pid2, true, "spam").key);
	assert_int_equal(audit_count(f->db, "post.hide"), 1);

	/* Members and guests get a placeholder in its place: no gap in the
	 * seqs, so the counts match what they see, and no text. */
	assert_int_equal(forum_posts(f->db, &f->jonas, tid, 1, 20, &pl), 0);
	assert_int_equal(pl.n, 3);
	assert_int_equal(pl.v[0].seq, 1);
	assert_int_equal(pl.v[1].seq, 2);
	assert_true(pl.v[1].hidden);
	assert_string_equal(pl.v[1].body, "");
	assert_int_equal(pl.v[2].seq, 3);
	assert_false(pl.v[2].hidden);
	assert_string_equal(pl.v[2].body, "trečias");
	forum_post_list_free(&pl);
	assert_int_equal(forum_posts(f->db, &f->guest, tid, 1, 20, &pl), 0);
	assert_int_equal(pl.n, 3);
	assert_string_equal(pl.v[1].body, "");
	forum_post_list_free(&pl);
	assert_int_equal(forum_posts(f->db, &f->aiste, tid, 1, 20, &pl), 0);
	assert_int_equal(pl.n, 3);
	assert_true(pl.v[1].hidden);
	assert_string_equal(pl.v[1].body, "antras");
	forum_post_list_free(&pl);
	assert_int_equal(forum_post_get(f->db, &f->jonas, pid2,
	    &(struct forum_post){ 0 }), -1);
	assert_null(forum_post_hide(f->db, &f->aiste, pid2, false, "").key);
	assert_int_equal(forum_posts(f->db, &f->jonas, tid, 1, 20, &pl), 0);
	assert_int_equal(pl.n, 3);
	assert_string_equal(pl.v[1].body, "antras");
	forum_post_list_free(&pl);

	/* Hidden threads. */
	assert_null(forum_thread_hide(f->db, &f->aiste, tid, true, "").key);
	assert_int_equal(forum_thread_get(f->db, &f->jonas, tid, &t), -1);
	assert_int_equal(forum_posts(f->db, &f->jonas, tid, 1, 20, &pl), -1);
	assert_int_equal(forum_threads(f->db, &f->jonas, f->board, 0, 10, &tl),
	    0);
	assert_int_equal(tl.n, 0);
	forum_thread_list_free(&tl);
	assert_int_equal(board(f, &f->jonas, f->board).threads, 0);
	assert_int_equal(forum_threads(f->db, &f->aiste, f->board, 0, 10, &tl),
	    0);
	assert_int_equal(tl.n, 1);
	assert_true(tl.v[0].hidden);
	forum_thread_list_free(&tl);
	assert_string_equal(forum_reply(f->db, &f->jonas, tid, "x", NULL,
	    NULL, NULL).key, "error.forum.not_found");
	assert_null(forum_thread_hide(f->db, &f->aiste, tid, false, "").key);
	assert_int_equal(board(f, &f->jonas, f->board).threads, 1);
}

static void
test_deleted_placeholder(void **state)
{
	struct fixture *f = *state;
	struct forum_post_list pl;
	int64_t tid, pid;

	assert_null(forum_thread_start(f->db, &f->ruta, f->board, "Tema",
	    "pirmas", NULL, &tid, NULL).key);
	assert_null(forum_reply(f->db, &f->jonas, tid, "klaida", NULL, &pid,
	    NULL).key);
	assert_null(forum_reply(f->db, &f->ruta, tid, "trečias", NULL, NULL,
	    NULL).key);
	assert_string_equal(forum_post_delete(f->db, &f->ruta, pid),
	    "error.forum.not_allowed");
	assert_null(forum_post_delete(f->db, &f->jonas, pid));
	assert_string_equal(forum_post_delete(f->db, &f->jonas, pid),
	    "error.forum.not_found");
	assert_int_equal(forum_posts(f->db, &f->ruta, tid, 1, 20, &pl), 0);
	assert_int_equal(pl.n, 3);
	assert_int_equal(pl.v[1].seq, 2);
	assert_true(pl.v[1].deleted);
	assert_string_equal(pl.v[1].body, "");
	assert_string_equal(pl.v[2].body, "trečias");
	forum_post_list_free(&pl);
	assert_int_equal(forum_posts(f->db, &f->aiste, tid, 1, 20, &pl), 0);
	assert_true(pl.v[1].deleted);
	assert_string_equal(pl.v[1].body, "klaida");
	forum_post_list_free(&pl);
	assert_string_equal(forum_post_edit(f->db, &f->jonas, pid, "vėl",
	    NULL).key, "error.forum.not_found");
}

/* A thread of n posts by the moderator (no flood limit). */
static int64_t
thread_of(struct fixture *f, int n)
{
	int64_t tid;
	char body[32];
	int i;

	assert_null(forum_thread_start(f->db, &f->aiste, f->board, "Ilga tema",
	    "1", NULL, &tid, NULL).key);
	for (i = 2; i <= n; i++) {
		snprintf(body, sizeof body, "%d", i);
		assert_null(forum_reply(f->db, &f->aiste, tid, body, NULL,
		    NULL, NULL).key);
	}
	return tid;
}

static void
check_page(struct fixture *f, int64_t tid, int64_t from, int limit,
    size_t want, int64_t first)
{
	struct forum_post_list pl;
	char body[32];
	size_t i;

	assert_int_equal(forum_posts(f->db, &f->ruta, tid, from, limit, &pl),
	    0);
	assert_int_equal(pl.n, want);
	for (i = 0; i < pl.n; i++) {
		assert_int_equal(pl.v[i].seq, first + (int64_t)i);
		snprintf(body, sizeof body, "%lld", (long long)pl.v[i].seq);
		assert_string_equal(pl.v[i].body, body);
		assert_string_equal(pl.v[i].author_name, "aiste");
	}
	forum_post_list_free(&pl);
}

static void
test_page_boundaries(void **state)
{
	struct fixture *f = *state;
	struct forum_thread_list tl;
	struct forum_thread t;
	int64_t tid, tid2, last = 0;
	char title[32];
	int i;

	tid = thread_of(f, 45);
	assert_int_equal(forum_thread_get(f->db, &f->ruta, tid, &t), 0);
	assert_int_equal(t.last_seq, 45);
	check_page(f, tid, 1, 20, 20, 1);
	check_page(f, tid, 21, 20, 20, 21);
	check_page(f, tid, 41, 20, 5, 41);
	check_page(f, tid, 46, 20, 0, 0);
	check_page(f, tid, 0, 20, 20, 1);	/* before the start: page 1 */
	tid2 = thread_of(f, 40);		/* an exact multiple */
	check_page(f, tid2, 21, 20, 20, 21);
	check_page(f, tid2, 41, 20, 0, 0);
	check_page(f, tid2, 40, 20, 1, 40);

	/* Threads a page at a time: pinned first, then newest activity. */
	for (i = 0; i < 23; i++) {
		snprintf(title, sizeof title, "Tema %d", i);
		assert_null(forum_thread_start(f->db, &f->aiste, f->other,
		    title, "x", NULL, &last, NULL).key);
	}
	assert_null(forum_thread_pin(f->db, &f->aiste, tid, true, "").key);
	assert_null(forum_thread_move(f->db, &f->aiste, tid, f->other, "").key);
	assert_int_equal(audit_count(f->db, "thread.move"), 1);
	assert_int_equal(forum_threads(f->db, &f->ruta, f->other, 0, 10, &tl),
	    0);
	assert_int_equal(tl.n, 10);
	assert_true(tl.more);
	assert_int_equal(tl.v[0].id, tid);
	assert_true(tl.v[0].pinned);
	assert_int_equal(tl.v[1].id, last);
	forum_thread_list_free(&tl);
	assert_int_equal(forum_threads(f->db, &f->ruta, f->other, 20, 10, &tl),
	    0);
	assert_int_equal(tl.n, 4);
	assert_false(tl.more);
	forum_thread_list_free(&tl);
	assert_int_equal(forum_threads(f->db, &f->ruta, f->other, 14, 10, &tl),
	    0);
	assert_int_equal(tl.n, 10);
	assert_false(tl.more);
	forum_thread_list_free(&tl);
	assert_int_equal(board(f, &f->ruta, f->other).threads, 24);
	assert_int_equal(board(f, &f->ruta, f->board).threads, 1);
}

static void
test_locked(void **state)
{
	struct fixture *f = *state;
	int64_t tid, pid;

	assert_null(forum_thread_start(f->db, &f->ruta, f->board, "Tema",
	    "pirmas", NULL, &tid, &pid).key);
	assert_string_equal(forum_thread_lock(f->db, &f->ruta, tid, true,
	    "").key, "error.forum.not_allowed");
	assert_null(forum_thread_lock(f->db, &f->aiste, tid, true, "").key);
	assert_int_equal(audit_count(f->db, "thread.lock"), 1);
	assert_string_equal(forum_reply(f->db, &f->jonas, tid, "x", NULL, NULL,
	    NULL).key, "error.forum.locked");
	assert_string_equal(forum_post_edit(f->db, &f->ruta, pid, "y",
	    NULL).key, "error.forum.locked");
	assert_null(forum_reply(f->db, &f->aiste, tid, "Užrakinta.", NULL,
	    NULL, NULL).key);
	assert_null(forum_thread_lock(f->db, &f->aiste, tid, false, "").key);
	assert_null(forum_reply(f->db, &f->jonas, tid, "x", NULL, NULL,
	    NULL).key);
}

/* Edits are limited like posts (RELIABILITY.md F6: 300 edits in 18 s),
 * and a post keeps its original and its newest earlier versions only. */
static void
test_edit_rate_and_history(void **state)
{
	struct fixture *f = *state;
	struct forum_edit_list h;
	char body[16];
	int64_t tid, pid;
	int i;

	f->ruta.posts_per_minute = 3;
	assert_null(forum_thread_start(f->db, &f->ruta, f->board, "Tema",
	    "v0", NULL, &tid, &pid).key);
	for (i = 1; i <= 3; i++) {
		snprintf(body, sizeof body, "v%d", i);
		assert_null(forum_post_edit(f->db, &f->ruta, pid, body,
		    NULL).key);
	}
	assert_string_equal(forum_post_edit(f->db, &f->ruta, pid, "v4",
	    NULL).key, "error.forum.edit_flood");
	/* Edits are not posts: a reply still goes through. */
	assert_null(forum_reply(f->db, &f->ruta, tid, "atsakymas", NULL, NULL,
	    NULL).key);
	/* Moderators are not limited. */
	f->aiste.posts_per_minute = 1;
	assert_null(forum_post_edit(f->db, &f->aiste, pid, "v4", NULL).key);
	assert_null(forum_post_edit(f->db, &f->aiste, pid, "v5", NULL).key);

	f->ruta.posts_per_minute = 0;
	for (i = 6; i <= 40; i++) {
		snprintf(body, sizeof body, "v%d", i);
		assert_null(forum_post_edit(f->db, &f->ruta, pid, body,
		    NULL).key);
	}
	assert_int_equal(forum_post_history(f->db, &f->ruta, pid, &h), 0);
	assert_int_equal(h.n, FORUM_EDIT_HISTORY);
	assert_string_equal(h.v[0].body, "v39");
	assert_string_equal(h.v[FORUM_EDIT_HISTORY - 2].body, "v21");
	assert_string_equal(h.v[FORUM_EDIT_HISTORY - 1].body, "v0");
	forum_edit_list_free(&h);
}

static void
test_flood_guest_suspended(void **state)
{
	struct fixture *f = *state;
	struct actor mod = f->aiste;
	struct account a;
	int64_t tid;

	f->ruta.posts_per_minute = 3;
	assert_null(forum_thread_start(f->db, &f->ruta, f->board, "Tema",
	    "1", NULL, &tid, NULL).key);
	assert_null(forum_reply(f->db, &f->ruta, tid, "2", NULL, NULL,
	    NULL).key);
	assert_null(forum_reply(f->db, &f->ruta, tid, "3", NULL, NULL,
	    NULL).key);
	assert_string_equal(forum_reply(f->db, &f->ruta, tid, "4", NULL, NULL,
	    NULL).key, "error.forum.flood");
	assert_string_equal(forum_thread_start(f->db, &f->ruta, f->board, "T",
	    "b", NULL, NULL, NULL).key, "error.forum.flood");
	/* The limit is per account. */
	f->jonas.posts_per_minute = 3;
	assert_null(forum_reply(f->db, &f->jonas, tid, "kitas", NULL, NULL,
	    NULL).key);
	mod.posts_per_minute = 1;
	assert_null(forum_reply(f->db, &mod, tid, "a", NULL, NULL, NULL).key);
	assert_null(forum_reply(f->db, &mod, tid, "b", NULL, NULL, NULL).key);

	assert_string_equal(forum_reply(f->db, &f->guest, tid, "x", NULL, NULL,
	    NULL).key, "error.forum.guest");
	assert_string_equal(forum_thread_start(f->db, &f->guest, f->board, "T",
	    "b", NULL, NULL, NULL).key, "error.forum.guest");
	assert_string_equal(forum_thread_start(f->db, &f->admin, f->board, "T",
	    "b", NULL, NULL, NULL).key, "error.forum.guest");
	assert_int_equal(account_by_id(f->db, f->jonas.account_id, &a), 0);
	assert_int_equal(account_suspend(f->db, a.id, time(NULL) + 3600,
	    "spam"), 0);
	assert_string_equal(forum_reply(f->db, &f->jonas, tid, "x", NULL, NULL,
	    NULL).key, "error.forum.suspended");
}

static void
test_limits(void **state)
{
	struct fixture *f = *state;
	char title[121 * 2 + 1], *body;
	struct forum_thread t;
	int64_t tid;
	int i;

	for (i = 0; i < 121; i++)
		memcpy(title + i * 2, "ž", 2);
	title[121 * 2] = '\0';
	assert_string_equal(forum_thread_start(f->db, &f->ruta, f->board,
	    title, "b", NULL, NULL, NULL).key, "error.forum.title_length");
	title[120 * 2] = '\0';
	assert_null(forum_thread_start(f->db, &f->ruta, f->board, title, "b",
	    NULL, &tid, NULL).key);
	assert_int_equal(forum_thread_get(f->db, &f->ruta, tid, &t), 0);
	assert_string_equal(t.title, title);
	assert_string_equal(forum_thread_start(f->db, &f->ruta, f->board,
	    "  ", "b", NULL, NULL, NULL).key, "error.forum.title_length");
	assert_string_equal(forum_thread_start(f->db, &f->ruta, f->board, "T",
	    " \n\t", NULL, NULL, NULL).key, "error.forum.body_length");
	assert_string_equal(forum_thread_start(f->db, &f->ruta, f->board, "T",
	    "b", "xx", NULL, NULL).key, "error.lang.unknown");
	assert_string_equal(forum_thread_start(f->db, &f->ruta, 999, "T",
	    "b", NULL, NULL, NULL).key, "error.forum.not_found");
	body = malloc(20002);
	memset(body, 'a', 20001);
	body[20001] = '\0';
	assert_string_equal(forum_reply(f->db, &f->ruta, tid, body, NULL, NULL,
	    NULL).key, "error.forum.body_length");
	body[20000] = '\0';
	assert_null(forum_reply(f->db, &f->ruta, tid, body, NULL, NULL,
	    NULL).key);
	free(body);
	/* Control sequences never reach the database. */
	assert_null(forum_thread_retitle(f->db, &f->ruta, tid,
	    "\x1b]0;pwned\x07Tit\xe2\x80\xaele"));
	assert_int_equal(forum_thread_get(f->db, &f->ruta, tid, &t), 0);
	assert_null(strchr(t.title, 0x1b));
	assert_null(strstr(t.title, "\xe2\x80\xae"));
	assert_string_equal(forum_thread_retitle(f->db, &f->jonas, tid, "Mano"),
	    "error.forum.not_allowed");
}

static void
test_board_admin(void **state)
{
	struct fixture *f = *state;
	struct actor jonas = f->jonas;
	struct forum_person_list ml;
	struct forum_board_list l;
	int64_t third, tid, pid;

	assert_string_equal(forum_board_add(f->db, &f->aiste, "X", "", "",
	    NULL), "error.forum.not_allowed");
	assert_string_equal(forum_board_add(f->db, &f->admin, "X", "", "zz",
	    NULL), "error.lang.unknown");
	assert_null(forum_board_add(f->db, &f->admin, "Savanoriai", "", "lt",
	    &third));
	assert_null(forum_board_move(f->db, &f->admin, third, 1));
	assert_null(forum_board_edit(f->db, &f->admin, f->other, "Coders",
	    NULL, "en"));
	assert_int_equal(forum_boards(f->db, &f->ruta, &l), 0);
	assert_int_equal(l.n, 3);
	assert_int_equal(l.v[0].id, third);
	assert_int_equal(l.v[1].id, f->board);
	assert_int_equal(l.v[2].id, f->other);
	assert_int_equal(l.v[2].position, 3);
	assert_string_equal(l.v[2].title, "Coders");
	assert_string_equal(l.v[2].lang, "en");
	assert_string_equal(l.v[1].description, "Lietuvių kalba");
	forum_board_list_free(&l);

	/* A board moderator moderates that board only. */
	assert_null(forum_thread_start(f->db, &f->ruta, f->board, "T", "b",
	    NULL, &tid, &pid).key);
	assert_false(actor_moderates(f->db, &jonas, f->board));
	assert_null(forum_board_moderator_add(f->db, &f->admin, f->board,
	    jonas.account_id));
	assert_true(actor_moderates(f->db, &jonas, f->board));
	assert_false(actor_moderates(f->db, &jonas, f->other));
	assert_null(forum_post_hide(f->db, &jonas, pid, true, "test").key);
	assert_string_equal(forum_thread_move(f->db, &jonas, tid, f->other,
	    "").key, "error.forum.not_allowed");
	assert_int_equal(forum_board_moderators(f->db, f->board, &ml), 0);
	assert_int_equal(ml.n, 1);
	assert_string_equal(ml.v[0].name, "jonas");
	forum_person_list_free(&ml);
	assert_null(forum_board_moderator_remove(f->db, &f->admin, f->board,
	    jonas.account_id));
	assert_false(actor_moderates(f->db, &jonas, f->board));

	assert_string_equal(forum_board_remove(f->db, &f->admin, f->board),
	    "error.forum.board_not_empty");
	assert_null(forum_board_remove(f->db, &f->admin, third));
	assert_int_equal(forum_boards(f->db, &f->ruta, &l), 0);
	assert_int_equal(l.n, 2);
	assert_int_equal(l.v[0].position, 1);
	assert_int_equal(l.v[1].position, 2);
	forum_board_list_free(&l);
	assert_int_equal(audit_count(f->db, "board.add"), 3);
	assert_int_equal(audit_count(f->db, "board.remove"), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_unread_two_users, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_mute, setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_edit_rate_and_history,
		    setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_edit_history, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_hidden_posts, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_deleted_placeholder, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_page_boundaries, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_locked, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_flood_guest_suspended,
		    setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_limits, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_board_admin, setup,
		    tdb_teardown),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
