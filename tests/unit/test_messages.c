/* Private messages: sending (one conversation per pair, sanitised, the
 * forums' limit), unread counts and read marks, paging both lists, the
 * flood limits (a minute's messages, a day's new conversations, each with
 * a positive control), blocks either way, a suspended sender, and privacy:
 * a third member and a moderator reach nothing of a conversation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/actor.h"
#include "core/blocks.h"
#include "core/db-internal.h"
#include "core/demo.h"
#include "core/messages.h"
#include "tests/unit/fixture.h"

struct fx {
	struct tdb	t;
	struct actor	olena, jonas, ruta, mod;
};

static int
setup(void **state)
{
	struct fx *f = tdb_new(sizeof *f, "messages");

	f->olena = tdb_viewer(&f->t, "olena", "uk", ROLE_MEMBER);
	f->jonas = tdb_viewer(&f->t, "jonas", "lt", ROLE_MEMBER);
	f->ruta = tdb_viewer(&f->t, "ruta", "lt", ROLE_MEMBER);
	f->mod = tdb_viewer(&f->t, "mod", "lt", ROLE_MODERATOR);
	*state = f;
	return 0;
}

static void
send_ok(struct fx *f, const struct actor *from, const struct actor *to,
    const char *body)
{
	struct core_error e = messages_send(f->t.db, from, to->account_id, body,
	    NULL, NULL);

	if (e.key != NULL)
		fail_msg("send refused: %s", e.key);
}

static void
test_send_and_read(void **state)
{
	struct fx *f = *state;
	struct message_conversation_list l;
	struct message_conversation c;
	struct message_list m;
	int64_t conv = 0, conv2 = 0, mid = 0;

	assert_int_equal(messages_unread_total(f->t.db, &f->jonas), 0);
	assert_null(messages_send(f->t.db, &f->olena, f->jonas.account_id,
	    "Laba diena!\x1b[31m", &conv, &mid).key);
	assert_true(conv > 0 && mid > 0);
	send_ok(f, &f->olena, &f->jonas, "Ar galite padėti su lietuvių kalba?");
	/* Two unread for the recipient, none for the sender. */
	assert_int_equal(messages_unread_total(f->t.db, &f->jonas), 2);
	assert_int_equal(messages_unread_total(f->t.db, &f->olena), 0);
	assert_int_equal(messages_conversations(f->t.db, &f->jonas, 0, 10, &l),
	    0);
	assert_int_equal(l.n, 1);
	assert_false(l.more);
	assert_int_equal(l.v[0].id, conv);
	assert_int_equal(l.v[0].other_id, f->olena.account_id);
	assert_string_equal(l.v[0].other_name, "olena");
	assert_int_equal(l.v[0].unread, 2);
	assert_int_equal(l.v[0].last_seq, 2);
	assert_true(l.v[0].last_at > 0);
	messages_conversation_list_free(&l);
	/* The newest last; the terminal escape is gone. */
	assert_int_equal(messages_page(f->t.db, &f->jonas, conv, 0, 10, &m), 0);
	assert_int_equal(m.n, 2);
	assert_false(m.more);
	assert_int_equal(m.v[0].id, mid);
	assert_int_equal(m.v[0].author_id, f->olena.account_id);
	assert_null(strchr(m.v[0].body, '\x1b'));
	assert_non_null(strstr(m.v[0].body, "Laba diena!"));
	assert_string_equal(m.v[1].body, "Ar galite padėti su lietuvių kalba?");
	assert_int_equal(m.v[1].seq, 2);
	assert_int_equal(m.v[1].removed, MESSAGE_SHOWN);
	message_list_free(&m);
	/* Reading the first leaves one; a mark never goes back or past. */
	assert_int_equal(messages_mark_read(f->t.db, &f->jonas, conv, 1), 0);
	assert_int_equal(messages_unread_total(f->t.db, &f->jonas), 1);
	assert_int_equal(messages_mark_read(f->t.db, &f->jonas, conv, 0), 0);
	assert_int_equal(messages_unread_total(f->t.db, &f->jonas), 1);
	assert_int_equal(messages_mark_read(f->t.db, &f->jonas, conv, 99), 0);
	assert_int_equal(messages_unread_total(f->t.db, &f->jonas), 0);
	assert_int_equal(messages_conversation_get(f->t.db, &f->jonas, conv,
	    &c), 0);
	assert_int_equal(c.read_seq, 2);
	assert_int_equal(c.unread, 0);
	/* The answer goes into the same conversation: one per pair. */
	assert_null(messages_send(f->t.db, &f->jonas, f->olena.account_id,
	    "Žinoma, mielai.", &conv2, NULL).key);
	assert_int_equal(conv2, conv);
	assert_int_equal(messages_unread_total(f->t.db, &f->olena), 1);
	assert_int_equal(messages_unread_total(f->t.db, &f->jonas), 0);
	assert_int_equal(messages_conversation_with(f->t.db, &f->olena,
	    f->jonas.account_id), conv);
	assert_int_equal(messages_conversation_with(f->t.db, &f->jonas,
	    f->olena.account_id), conv);
	assert_int_equal(messages_conversation_with(f->t.db, &f->jonas,
	    f->ruta.account_id), 0);
}

static void
test_paging(void **state)
{
	struct fx *f = *state;
	struct message_conversation_list l;
	struct message_list m;
	char body[32];
	int64_t conv = 0;
	int i;

	for (i = 1; i <= 12; i++) {
		snprintf(body, sizeof body, "Nr. %d", i);
		assert_null(messages_send(f->t.db, i % 2 ? &f->olena : &f->jonas,
		    i % 2 ? f->jonas.account_id : f->olena.account_id, body,
		    &conv, NULL).key);
	}
	assert_int_equal(messages_page(f->t.db, &f->olena, conv, 0, 5, &m), 0);
	assert_int_equal(m.n, 5);
	assert_true(m.more);
	assert_int_equal(m.v[0].seq, 8);
	assert_string_equal(m.v[4].body, "Nr. 12");
	message_list_free(&m);
	assert_int_equal(messages_page(f->t.db, &f->olena, conv, 8, 5, &m), 0);
	assert_int_equal(m.n, 5);
	assert_true(m.more);
	assert_int_equal(m.v[0].seq, 3);
	assert_int_equal(m.v[4].seq, 7);
	message_list_free(&m);
	assert_int_equal(messages_page(f->t.db, &f->olena, conv, 3, 5, &m), 0);
	assert_int_equal(m.n, 2);
	assert_false(m.more);
	assert_string_equal(m.v[0].body, "Nr. 1");
	message_list_free(&m);

	/* Conversations: the latest activity first, then a page after. */
	send_ok(f, &f->ruta, &f->olena, "Sveiki!");
	send_ok(f, &f->mod, &f->olena, "Sveiki, aš moderatorius.");
	assert_int_equal(messages_conversations(f->t.db, &f->olena, 0, 2, &l),
	    0);
	assert_int_equal(l.n, 2);
	assert_true(l.more);
	assert_int_equal(l.v[0].other_id, f->mod.account_id);
	assert_int_equal(l.v[1].other_id, f->ruta.account_id);
	messages_conversation_list_free(&l);
	assert_int_equal(messages_conversations(f->t.db, &f->olena, 2, 2, &l),
	    0);
	assert_int_equal(l.n, 1);
	assert_false(l.more);
	assert_int_equal(l.v[0].id, conv);
	/* Her own eleventh message moved her mark past Jonas's tenth. */
	assert_int_equal(l.v[0].unread, 1);
	messages_conversation_list_free(&l);
	assert_int_equal(messages_unread_total(f->t.db, &f->olena), 3);
}

static void
test_refused(void **state)
{
	struct fx *f = *state;
	struct actor guest = actor_guest("lt");
	struct message_conversation_list l;
	struct core_error e;
	char *big;

	assert_string_equal(messages_send(f->t.db, &guest, f->jonas.account_id,
	    "Labas", NULL, NULL).key, "error.messages.guest");
	assert_string_equal(messages_send(f->t.db, &f->olena,
	    f->olena.account_id, "Labas", NULL, NULL).key,
	    "error.messages.self");
	assert_string_equal(messages_send(f->t.db, &f->olena, 9999, "Labas",
	    NULL, NULL).key, "error.messages.not_found");
	e = messages_send(f->t.db, &f->olena, f->jonas.account_id, " \n\t ",
	    NULL, NULL);
	assert_string_equal(e.key, "error.forum.body_length");
	assert_string_equal(e.field, "body");
	assert_int_equal(e.arg, MESSAGE_BODY_MAX);
	/* The forums' limit in code points: one more is refused, the limit
	 * itself taken. */
	big = malloc(MESSAGE_BODY_MAX + 2);
	assert_non_null(big);
	memset(big, 'a', MESSAGE_BODY_MAX + 1);
	big[MESSAGE_BODY_MAX + 1] = '\0';
	assert_string_equal(messages_send(f->t.db, &f->olena,
	    f->jonas.account_id, big, NULL, NULL).key,
	    "error.forum.body_length");
	big[MESSAGE_BODY_MAX] = '\0';
	send_ok(f, &f->olena, &f->jonas, big);
	free(big);
	assert_int_equal(messages_conversations(f->t.db, &guest, 0, 5, &l), 0);
	assert_int_equal(l.n, 0);
	assert_int_equal(messages_unread_total(f->t.db, &guest), 0);
}

static void
test_flood_per_minute(void **state)
{
	struct fx *f = *state;
	struct actor fast = f->olena, mod = f->mod;
	int i;

	fast.posts_per_minute = 3;
	mod.posts_per_minute = 3;
	for (i = 0; i < 3; i++)
		send_ok(f, &fast, &f->jonas, "Greitai");
	assert_string_equal(messages_send(f->t.db, &fast, f->ruta.account_id,
	    "Dar vienas", NULL, NULL).key, "error.messages.flood");
	assert_int_equal(messages_unread_total(f->t.db, &f->ruta), 0);
	/* Moderators are not limited, as in the forums. */
	for (i = 0; i < 4; i++)
		send_ok(f, &mod, &f->jonas, "Moderatorius");
	assert_int_equal(messages_unread_total(f->t.db, &f->jonas), 7);
}

static void
test_new_conversations_per_day(void **state)
{
	struct fx *f = *state;
	struct actor mod = f->mod;
	struct core_error e;
	char name[16];
	int64_t ids[MESSAGES_NEW_PER_DAY + 1];
	int i;

	for (i = 0; i <= MESSAGES_NEW_PER_DAY; i++) {
		snprintf(name, sizeof name, "narys%02d", i);
		ids[i] = tdb_account(&f->t, name, name, "lt", ROLE_MEMBER);
	}
	for (i = 0; i < MESSAGES_NEW_PER_DAY; i++)
		assert_null(messages_send(f->t.db, &f->olena, ids[i], "Sveiki",
		    NULL, NULL).key);
	e = messages_send(f->t.db, &f->olena, ids[MESSAGES_NEW_PER_DAY],
	    "Sveiki", NULL, NULL);
	assert_string_equal(e.key, "error.messages.new_limit");
	assert_int_equal(e.arg, MESSAGES_NEW_PER_DAY);
	/* Her conversations go on; a new one is the limit. */
	assert_null(messages_send(f->t.db, &f->olena, ids[0], "Ir vėl",
	    NULL, NULL).key);
	/* Conversations the others start do not count against her. */
	assert_null(messages_send(f->t.db, &f->jonas, f->olena.account_id,
	    "Labas", NULL, NULL).key);
	for (i = 0; i <= MESSAGES_NEW_PER_DAY; i++)
		assert_null(messages_send(f->t.db, &mod, ids[i], "Sveiki",
		    NULL, NULL).key);
}

static void
test_blocked_either_way(void **state)
{
	struct fx *f = *state;
	int64_t conv = 0;

	/* The positive control: they can write before the block. */
	assert_null(messages_send(f->t.db, &f->olena, f->jonas.account_id,
	    "Labas", &conv, NULL).key);
	send_ok(f, &f->jonas, &f->olena, "Labas ir tau");
	assert_null(blocks_add(f->t.db, &f->olena, f->jonas.account_id).key);
	/* One key whichever side blocked, so it never tells who. */
	assert_string_equal(messages_send(f->t.db, &f->jonas,
	    f->olena.account_id, "Kodėl?", NULL, NULL).key,
	    "error.messages.blocked");
	assert_string_equal(messages_send(f->t.db, &f->olena,
	    f->jonas.account_id, "Viso", NULL, NULL).key,
	    "error.messages.blocked");
	/* Third parties are not touched. */
	send_ok(f, &f->jonas, &f->ruta, "Labas, Rūta");
	assert_null(blocks_remove(f->t.db, &f->olena, f->jonas.account_id).key);
	send_ok(f, &f->jonas, &f->olena, "Ačiū");
	assert_int_equal(messages_conversation_with(f->t.db, &f->jonas,
	    f->olena.account_id), conv);
}

static void
test_suspended_sender(void **state)
{
	struct fx *f = *state;

	send_ok(f, &f->ruta, &f->jonas, "Prieš");
	assert_int_equal(account_suspend(f->t.db, f->ruta.account_id,
	    ACCOUNT_SUSPEND_FOREVER, "test"), 0);
	assert_string_equal(messages_send(f->t.db, &f->ruta,
	    f->jonas.account_id, "Po", NULL, NULL).key,
	    "error.forum.suspended");
	assert_int_equal(messages_unread_total(f->t.db, &f->jonas), 1);
	assert_int_equal(account_unsuspend(f->t.db, f->ruta.account_id), 0);
	send_ok(f, &f->ruta, &f->jonas, "Po");
}

static void
test_privacy(void **state)
{
	struct fx *f = *state;
	struct message_conversation_list l;
	struct message_conversation c;
	struct message_list m;
	int64_t conv = 0;

	assert_null(messages_send(f->t.db, &f->olena, f->jonas.account_id,
	    "Tik mums dviem", &conv, NULL).key);
	/* A member of it reads it (the control) ... */
	assert_int_equal(messages_page(f->t.db, &f->jonas, conv, 0, 5, &m), 0);
	assert_int_equal(m.n, 1);
	message_list_free(&m);
	/* ... a third member and a moderator reach nothing. */
	assert_int_equal(messages_page(f->t.db, &f->ruta, conv, 0, 5, &m), -1);
	assert_int_equal(m.n, 0);
	assert_int_equal(messages_page(f->t.db, &f->mod, conv, 0, 5, &m), -1);
	assert_int_equal(messages_conversation_get(f->t.db, &f->ruta, conv,
	    &c), -1);
	assert_int_equal(messages_conversation_get(f->t.db, &f->mod, conv,
	    &c), -1);
	assert_int_equal(messages_mark_read(f->t.db, &f->ruta, conv, 1), -1);
	assert_int_equal(messages_conversations(f->t.db, &f->ruta, 0, 5, &l),
	    0);
	assert_int_equal(l.n, 0);
	messages_conversation_list_free(&l);
	assert_int_equal(messages_conversations(f->t.db, &f->mod, 0, 5, &l),
	    0);
	assert_int_equal(l.n, 0);
	messages_conversation_list_free(&l);
	assert_int_equal(messages_unread_total(f->t.db, &f->ruta), 0);
	assert_int_equal(messages_conversation_with(f->t.db, &f->ruta,
	    f->olena.account_id), 0);
}

/* The demo: Olena and Rūta's conversation, written in the past, with
 * Rūta's last answer unread for Olena. */
static void
test_demo(void **state)
{
	struct tdb *t = tdb_new(sizeof *t, "messages_demo");
	struct message_conversation_list l;
	struct message_list m;
	struct account olena, ruta;
	struct actor v;
	FILE *out = fopen("/dev/null", "w");

	(void)state;
	assert_non_null(out);
	assert_int_equal(demo_fill(t->db, out), 0);
	fclose(out);
	assert_int_equal(account_by_name(t->db, "olena", &olena), 0);
	assert_int_equal(account_by_name(t->db, "ruta", &ruta), 0);
	v = (struct actor){ olena.id, olena.role, olena.lang, 0, false };
	assert_int_equal(messages_unread_total(t->db, &v), 1);
	assert_int_equal(messages_conversations(t->db, &v, 0, 5, &l), 0);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0].other_id, ruta.id);
	assert_true(l.v[0].last_at < db_now());
	assert_int_equal(messages_page(t->db, &v, l.v[0].id, 0, 10, &m), 0);
	assert_int_equal(m.n, 4);
	assert_true(m.v[0].created < m.v[3].created);
	assert_int_equal(m.v[3].author_id, ruta.id);
	message_list_free(&m);
	messages_conversation_list_free(&l);
	tdb_close(t);
	free(t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_send_and_read, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_paging, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_refused, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_flood_per_minute, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_new_conversations_per_day,
		    setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_blocked_either_way, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_suspended_sender, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_privacy, setup,
		    tdb_teardown),
		cmocka_unit_test(test_demo),
	};

	return cmocka_run_group_tests_name("messages", tests, NULL, NULL);
}
