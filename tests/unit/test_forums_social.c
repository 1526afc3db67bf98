/* core/forums: search (folding, filters, paging, the index kept in step),
 * reply and mention notifications, reports and their resolution. */
#include "core/accounts.h"
#include "core/db.h"
#include "core/forums.h"
#include "core/queue.h"
#include "core/inbox.h"
#include "common/strbuf.h"
#include "tests/unit/fixture.h"

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

struct fixture {
	struct tdb		 t;	/* first: tdb_new and tdb_teardown */
	struct db		*db;	/* t.db */
	struct actor	 ruta, jonas, olena, emma, aiste;
	int64_t			 board, other;
};

static int
setup(void **state)
{
	struct actor admin = { 0, ROLE_ADMIN, "lt", 0 };
	struct fixture *f = tdb_new(sizeof *f, "forums2");

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
	*state = f;
	return 0;
}

/* The number of hits for words with optional filters; the first hit's
 * post id goes to *first when not NULL. */
static size_t
hits(struct fixture *f, const char *words, int64_t board, const char *author,
    const char *lang, int64_t *first)
{
	struct forum_search_query q = { words, board, author, lang, 0, 50 };
	struct forum_hit_list l;
	size_t n;

	assert_int_equal(forum_search(f->db, &f->ruta, &q, &l), 0);
	n = l.n;
	if (first != NULL)
		*first = n > 0 ? l.v[0].post_id : 0;
	forum_hit_list_free(&l);
	return n;
}

static void
test_search_folding(void **state)
{
	struct fixture *f = *state;
	struct forum_search_query q = { "lodz", 0, NULL, NULL, 0, 10 };
	struct forum_hit_list l;
	int64_t t1, p1, p2, p3, got;

	assert_null(forum_thread_start(f->db, &f->ruta, f->board,
	    "Žalgiris laimėjo", "Rungtynės buvo puikios.", NULL, &t1, &p1).key);
	assert_null(forum_thread_start(f->db, &f->olena, f->other,
	    "Kelionė", "Traukiniu iš KAUNAS į Vilnių, paskui į Łódź ir "
	    "Varšuvą; bilietas kainavo nedaug, o vaizdai pro langą buvo "
	    "gražūs visą kelią iki pat vakaro.", "lt", NULL, &p2).key);
	assert_null(forum_reply(f->db, &f->jonas, t1, "Straße und Ärger: "
	    "\"quoted\" words", "en", &p3, NULL).key);

	assert_int_equal(hits(f, "zalgiris", 0, NULL, NULL, &got), 1);
	assert_int_equal(got, p1);
	assert_int_equal(hits(f, "ŽALGIRIS", 0, NULL, NULL, NULL), 1);
	assert_int_equal(hits(f, "kaunas", 0, NULL, NULL, &got), 1);
	assert_int_equal(got, p2);
	assert_int_equal(hits(f, "lodz", 0, NULL, NULL, &got), 1);
	assert_int_equal(hits(f, "LODZ kaunas", 0, NULL, NULL, NULL), 1);
	assert_int_equal(hits(f, "lodz zalgiris", 0, NULL, NULL, NULL), 0);
	assert_int_equal(hits(f, "strasse", 0, NULL, NULL, &got), 1);
	assert_int_equal(got, p3);
	assert_int_equal(hits(f, "arger", 0, NULL, NULL, NULL), 1);
	assert_int_equal(hits(f, "rungtynes", 0, NULL, NULL, NULL), 1);
	/* Query syntax is only text. */
	assert_int_equal(hits(f, "\"quoted", 0, NULL, NULL, NULL), 1);
	assert_int_equal(hits(f, "kaunas OR zalgiris", 0, NULL, NULL, NULL),
	    0);
	assert_int_equal(hits(f, "NEAR( * ^ : -", 0, NULL, NULL, NULL), 0);
	assert_int_equal(hits(f, "tags:b1", 0, NULL, NULL, NULL), 0);
	assert_int_equal(hits(f, "   ", 0, NULL, NULL, NULL), 0);

	/* The snippet is the original text, around the match, one line. */
	assert_int_equal(forum_search(f->db, &f->ruta, &q, &l), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].thread_title, "Kelionė");
	assert_string_equal(l.v[0].author_name, "olena");
	assert_int_equal(l.v[0].seq, 1);
	assert_non_null(strstr(l.v[0].snippet, "Łódź"));
	assert_null(strchr(l.v[0].snippet, '\n'));
	assert_true(strlen(l.v[0].snippet) < sizeof l.v[0].snippet);
	forum_hit_list_free(&l);
}

/* Words match as prefixes and, in Lithuanian, by their stem; quotes keep
 * a phrase; Ukrainian ґ is found as г; one long hyphenated word is cut to
 * its first FORUM_SEARCH_TOKENS words (RELIABILITY.md F11). */
static void
test_search_prefix_stem_phrase(void **state)
{
	struct fixture *f = *state;
	struct forum_search_query q = { "bibliotek pasiilg", 0, NULL, NULL, 0,
	    10 };
	struct forum_hit_list l;
	struct strbuf sb = { 0 };
	int64_t t1, p1, p2, p3, p4, got;
	int i;

	assert_null(forum_thread_start(f->db, &f->ruta, f->board,
	    "Žodžių žaidimas", "Susitinkame bibliotekoje. Savaitės žodis: "
	    "pasiilgti.", "lt", &t1, &p1).key);
	assert_null(forum_reply(f->db, &f->jonas, t1, "Žodis kitas, ne tos "
	    "savaitės. Santa Klausas.", "lt", &p2, NULL).key);
	assert_null(forum_reply(f->db, &f->olena, t1, "Ґанок біля "
	    "бібліотеки.", "uk", &p3, NULL).key);
	assert_null(forum_reply(f->db, &f->emma, t1, "kaunas-kaunas-kaunas-"
	    "kaunas-kaunas-kaunas-kaunas-kaunas-kaunas!", "en", &p4, NULL).key);

	assert_int_equal(hits(f, "bibliotek", 0, NULL, NULL, &got), 1);
	assert_int_equal(got, p1);
	assert_int_equal(hits(f, "bibliotek*", 0, NULL, NULL, &got), 1);
	assert_int_equal(got, p1);
	/* The matching words of the snippet are marked, and only they. */
	assert_int_equal(forum_search(f->db, &f->ruta, &q, &l), 0);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0].nmarks, 2);
	assert_memory_equal(l.v[0].snippet + l.v[0].marks[0].off,
	    "bibliotekoje", l.v[0].marks[0].len);
	assert_int_equal(l.v[0].marks[0].len, strlen("bibliotekoje"));
	assert_memory_equal(l.v[0].snippet + l.v[0].marks[1].off,
	    "pasiilgti", l.v[0].marks[1].len);
	forum_hit_list_free(&l);
	assert_int_equal(hits(f, "biblioteka", 0, NULL, "lt", &got), 1);
	assert_int_equal(got, p1);
	assert_int_equal(hits(f, "zaidim", 0, NULL, NULL, &got), 1);
	assert_int_equal(got, p1);
	assert_int_equal(hits(f, "ганок", 0, NULL, NULL, &got), 1);
	assert_int_equal(got, p3);
	assert_int_equal(hits(f, "ГАНОК", 0, NULL, NULL, &got), 1);
	/* A stem that changed letters (šant) is not used as a prefix. */
	assert_int_equal(hits(f, "Šančiuose", 0, NULL, "lt", NULL), 0);
	/* A phrase keeps its order; the words alone match both posts. */
	assert_int_equal(hits(f, "savaites zodis", 0, NULL, NULL, NULL), 2);
	assert_int_equal(hits(f, "\"savaites zodis\"", 0, NULL, NULL, &got),
	    1);
	assert_int_equal(got, p1);
	/* Short words match whole words only. */
	assert_int_equal(hits(f, "ne", 0, NULL, NULL, &got), 1);
	assert_int_equal(got, p2);
	/* A prefix of more words than an OR takes is still found. */
	sb_puts(&sb, "Kelionės:");
	for (i = 0; i < 80; i++)
		sb_printf(&sb, " kel%c%c", 'a' + i / 26, 'a' + i % 26);
	assert_null(forum_reply(f->db, &f->emma, t1, sb.s, "en", &got,
	    NULL).key);
	sb_free(&sb);
	assert_int_equal(hits(f, "kel", 0, NULL, NULL, &p2), 1);
	assert_int_equal(p2, got);
	assert_int_equal(hits(f, "kelcb", 0, NULL, NULL, &p2), 1);
	/* 1,400 tokens become the first eight: the post with nine matches. */
	for (i = 0; i < 1400; i++)
		sb_puts(&sb, i ? "-kaunas" : "kaunas");
	assert_int_equal(hits(f, sb.s, 0, NULL, NULL, &got), 1);
	assert_int_equal(got, p4);
	sb_free(&sb);
}

static void
test_search_filters_and_index(void **state)
{
	struct fixture *f = *state;
	struct forum_search_query q = { "kaunas", 0, NULL, NULL, 0, 4 };
	struct forum_hit_list l;
	int64_t tid, pid, got, first, last = 0;
	char body[64];
	int i;

	assert_null(forum_thread_start(f->db, &f->aiste, f->board, "Kaunas",
	    "Apie Kauną ir Kaunas", NULL, &tid, &first).key);
	for (i = 0; i < 9; i++) {
		snprintf(body, sizeof body, "kaunas %d", i);
		assert_null(forum_reply(f->db, &f->aiste, tid, body,
		    i % 3 == 0 ? "en" : NULL, &last, NULL).key);
	}
	assert_null(forum_thread_start(f->db, &f->emma, f->other, "Trip",
	    "Kaunas old town", "en", NULL, &pid).key);
	/* Most relevant first: the title and the body both hold it. */
	assert_int_equal(hits(f, "kaunas", 0, NULL, NULL, &got), 11);
	assert_int_equal(got, first);
	assert_int_equal(hits(f, "kaunas", f->other, NULL, NULL, &got), 1);
	assert_int_equal(got, pid);
	assert_int_equal(hits(f, "kaunas", 0, "EMMA", NULL, NULL), 1);
	assert_int_equal(hits(f, "kaunas", 0, "nobody", NULL, NULL), 0);
	assert_int_equal(hits(f, "kaunas", 0, NULL, "en", NULL), 4);
	assert_int_equal(hits(f, "kaunas", f->board, "aiste", "en", NULL), 3);

	/* Paged. */
	assert_int_equal(forum_search(f->db, &f->ruta, &q, &l), 0);
	assert_int_equal(l.n, 4);
	assert_true(l.more);
	forum_hit_list_free(&l);
	q.offset = 8;
	assert_int_equal(forum_search(f->db, &f->ruta, &q, &l), 0);
	assert_int_equal(l.n, 3);
	assert_false(l.more);
	forum_hit_list_free(&l);

	/* Edits, hides, deletes and hidden threads keep the index right. */
	assert_null(forum_post_edit(f->db, &f->emma, pid, "Vilnius old town",
	    NULL).key);
	assert_int_equal(hits(f, "kaunas", f->other, NULL, NULL, NULL), 0);
	assert_int_equal(hits(f, "vilnius", 0, NULL, NULL, &got), 1);
	assert_null(forum_post_hide(f->db, &f->aiste, pid, true, "").key);
	assert_int_equal(hits(f, "vilnius", 0, NULL, NULL, NULL), 0);
	assert_null(forum_post_hide(f->db, &f->aiste, pid, false, "").key);
	assert_int_equal(hits(f, "vilnius", 0, NULL, NULL, NULL), 1);
	assert_null(forum_post_delete(f->db, &f->emma, pid));
	assert_int_equal(hits(f, "vilnius", 0, NULL, NULL, NULL), 0);
	assert_null(forum_thread_hide(f->db, &f->aiste, tid, true, "").key);
	assert_int_equal(hits(f, "kaunas", 0, NULL, NULL, NULL), 0);
	assert_null(forum_thread_hide(f->db, &f->aiste, tid, false, "").key);
	assert_int_equal(hits(f, "kaunas", 0, NULL, NULL, NULL), 10);
	assert_null(forum_thread_move(f->db, &f->aiste, tid, f->other, "").key);
	assert_int_equal(hits(f, "kaunas", f->other, NULL, NULL, NULL), 10);
	assert_int_equal(hits(f, "kaunas", f->board, NULL, NULL, NULL), 0);
	assert_null(forum_thread_retitle(f->db, &f->aiste, tid, "Klaipėda"));
	assert_int_equal(hits(f, "klaipeda", 0, NULL, NULL, NULL), 1);
}

static size_t
notices_of(struct fixture *f, const struct actor *v,
    struct inbox_list *l)
{
	assert_int_equal(inbox_list(f->db, v, 0, 20, l), 0);
	return l->n;
}

static void
test_notices(void **state)
{
	struct fixture *f = *state;
	struct inbox_list l;
	int64_t tid, p2, p3, probe, where, seq;

	assert_null(forum_thread_start(f->db, &f->ruta, f->board, "Klausimas",
	    "Kas žino?", NULL, &tid, NULL).key);
	assert_int_equal(inbox_probe(f->db, &f->ruta), 0);
	assert_null(forum_reply(f->db, &f->jonas, tid, "Aš žinau.", NULL, &p2,
	    NULL).key);
	assert_int_equal(inbox_unread(f->db, &f->ruta), 1);
	assert_int_equal(inbox_unread(f->db, &f->jonas), 0);
	probe = inbox_probe(f->db, &f->ruta);
	assert_true(probe > 0);
	assert_int_equal(notices_of(f, &f->ruta, &l), 1);
	assert_string_equal(l.v[0].kind, "forum.reply");
	assert_string_equal(l.v[0].subject_type, "post");
	assert_int_equal(l.v[0].subject_id, p2);
	assert_int_equal(forum_post_place(f->db, p2, &where, &seq), 0);
	assert_int_equal(where, tid);
	assert_int_equal(seq, 2);
	assert_string_equal(l.v[0].args, "title=Klausimas");
	assert_string_equal(l.v[0].actor_display, "jonas");
	assert_false(l.v[0].read);
	inbox_list_free(&l);

	/* Mentions: case-insensitive, existing names, not oneself, once;
	 * a mention replaces the reply notice; addresses are not mentions. */
	assert_null(forum_reply(f->db, &f->olena, tid, "@RUTA, @jonas ir "
	    "@olena: žr. olena@example.org, @nobody, @ruta.", NULL, &p3,
	    NULL).key);
	assert_int_equal(notices_of(f, &f->ruta, &l), 2);
	assert_string_equal(l.v[0].kind, "forum.mention");
	assert_int_equal(l.v[0].subject_id, p3);
	inbox_list_free(&l);
	assert_int_equal(notices_of(f, &f->jonas, &l), 1);
	assert_string_equal(l.v[0].kind, "forum.mention");
	inbox_list_free(&l);
	assert_int_equal(notices_of(f, &f->olena, &l), 0);
	inbox_list_free(&l);
	assert_true(inbox_probe(f->db, &f->ruta) > probe);

	/* Mentions in a new thread; a reply reaches everyone who posted. */
	assert_null(forum_thread_start(f->db, &f->emma, f->other, "Hi",
	    "Hello @olena", "en", NULL, NULL).key);
	assert_int_equal(inbox_unread(f->db, &f->olena), 1);
	assert_null(forum_reply(f->db, &f->ruta, tid, "Ačiū!", NULL, NULL,
	    NULL).key);
	assert_int_equal(inbox_unread(f->db, &f->jonas), 2);
	assert_int_equal(inbox_unread(f->db, &f->olena), 2);
	assert_int_equal(inbox_unread(f->db, &f->ruta), 2);

	assert_int_equal(notices_of(f, &f->jonas, &l), 2);
	assert_null(inbox_mark_read(f->db, &f->jonas, l.v[1].id));
	inbox_list_free(&l);
	assert_int_equal(inbox_unread(f->db, &f->jonas), 1);
	/* Someone else's notice is not marked by id. */
	assert_int_equal(notices_of(f, &f->olena, &l), 2);
	assert_null(inbox_mark_read(f->db, &f->jonas, l.v[0].id));
	inbox_list_free(&l);
	assert_int_equal(inbox_unread(f->db, &f->olena), 2);
	assert_null(inbox_mark_read(f->db, &f->olena, 0));
	assert_int_equal(inbox_unread(f->db, &f->olena), 0);
}

static void
test_reports(void **state)
{
	struct fixture *f = *state;
	struct actor admin = { 0, ROLE_ADMIN, "lt", 0 };
	struct queue_list l;
	struct forum_post p;
	struct account a;
	int64_t tid, bad, rude;

	assert_null(forum_thread_start(f->db, &f->ruta, f->board, "Tema",
	    "Labas", NULL, &tid, NULL).key);
	assert_null(forum_reply(f->db, &f->emma, tid, "Buy cheap pills",
	    NULL, &bad, NULL).key);
	assert_null(forum_reply(f->db, &f->emma, tid, "You are all silly",
	    NULL, &rude, NULL).key);

	assert_string_equal(forum_report(f->db, &f->emma, bad, "mine"),
	    "error.forum.own_post");
	assert_string_equal(forum_report(f->db, &f->ruta, bad, " "),
	    "error.forum.reason_length");
	assert_string_equal(forum_report(f->db, &f->ruta, 999, "x"),
	    "error.forum.not_found");
	assert_null(forum_report(f->db, &f->ruta, bad, "spam"));
	assert_string_equal(forum_report(f->db, &f->ruta, bad, "again"),
	    "error.forum.already_reported");
	assert_null(forum_report(f->db, &f->jonas, bad, "reklama"));
	assert_int_equal(forum_post_get(f->db, &f->ruta, bad, &p), 0);
	forum_post_clear(&p);
	assert_null(forum_report(f->db, &f->olena, bad, "спам"));
	/* Three members: hidden until a moderator looks. */
	assert_int_equal(forum_post_get(f->db, &f->ruta, bad, &p), -1);
	assert_int_equal(forum_post_get(f->db, &f->aiste, bad, &p), 0);
	assert_true(p.hidden);
	forum_post_clear(&p);
	assert_int_equal(audit_count(f->db, "post.auto_hide"), 1);

	assert_null(forum_report(f->db, &f->ruta, rude, "rude"));
	assert_int_equal(queue_open_count(f->db, &f->aiste), 2);
	assert_int_equal(queue_open_count(f->db, &f->ruta), 0);
	assert_int_equal(queue_list(f->db, &admin, 0, 10, &l), 0);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[0].k->kind, "forum.post");
	assert_int_equal(l.v[0].subject_id, bad);
	assert_int_equal(l.v[0].count, 3);
	assert_string_equal(l.v[0].s.note_key, "reports.auto_hidden");
	assert_string_equal(l.v[0].reasons,
	    "ruta: spam\njonas: reklama\nolena: спам");
	assert_string_equal(l.v[0].s.body, "Buy cheap pills");
	assert_string_equal(l.v[0].s.owner_name, "emma");
	assert_int_equal(l.v[1].subject_id, rude);
	assert_int_equal(l.v[1].count, 1);
	assert_null(l.v[1].s.note_key);
	queue_list_free(&l);
	assert_int_equal(queue_list(f->db, &f->ruta, 0, 10, &l), 0);
	assert_int_equal(l.n, 0);
	queue_list_free(&l);

	/* Dismiss: the reports' hiding is undone. */
	assert_string_equal(queue_resolve(f->db, &f->ruta, "forum.post",
	    bad, "dismiss", 0, "ok").key, "error.forum.not_allowed");
	assert_null(queue_resolve(f->db, &f->aiste, "forum.post",
	    bad, "dismiss", 0, "a joke between friends").key);
	assert_int_equal(forum_post_get(f->db, &f->ruta, bad, &p), 0);
	forum_post_clear(&p);
	assert_int_equal(audit_count(f->db, "report.dismiss"), 1);
	assert_string_equal(queue_resolve(f->db, &f->aiste, "forum.post",
	    bad, "dismiss", 0, "x").key, "error.forum.no_reports");
	assert_int_equal(queue_open_count(f->db, &f->aiste), 1);

	/* Hide. */
	assert_null(queue_resolve(f->db, &f->aiste, "forum.post",
	    rude, "hide", 0, "insults").key);
	assert_int_equal(forum_post_get(f->db, &f->ruta, rude, &p), -1);
	assert_int_equal(audit_count(f->db, "report.hide"), 1);
	assert_int_equal(queue_open_count(f->db, &f->aiste), 0);

	/* A hidden post cannot be reported by members. */
	assert_string_equal(forum_report(f->db, &f->jonas, rude, "rude"),
	    "error.forum.not_found");

	/* Suspend: hides the post too; the author cannot post. */
	assert_null(forum_reply(f->db, &f->emma, tid, "Silly again", NULL,
	    &rude, NULL).key);
	assert_null(forum_report(f->db, &f->jonas, rude, "still rude"));
	assert_string_equal(queue_resolve(f->db, &f->aiste, "forum.post",
	    rude, "suspend", 0, "x").key, "error.forum.days");
	assert_null(queue_resolve(f->db, &f->aiste, "forum.post",
	    rude, "suspend", 7, "repeated insults").key);
	assert_int_equal(forum_post_get(f->db, &f->ruta, rude, &p), -1);
	assert_int_equal(account_by_id(f->db, f->emma.account_id, &a), 0);
	assert_true(account_is_suspended(&a, time(NULL)));
	assert_true(a.suspended_until >= time(NULL) + 7 * 86400 - 60);
	assert_string_equal(a.suspend_reason, "repeated insults");
	assert_int_equal(audit_count(f->db, "report.suspend"), 1);
	assert_int_equal(audit_count(f->db, "user.suspend"), 1);
	assert_string_equal(forum_reply(f->db, &f->emma, tid, "hi", NULL, NULL,
	    NULL).key, "error.forum.suspended");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_search_folding, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_search_prefix_stem_phrase,
		    setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_search_filters_and_index,
		    setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_notices, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_reports, setup,
		    tdb_teardown),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
